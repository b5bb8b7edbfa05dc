import { graphql } from '../gql';

// The outbound webhooks screen's operations (issue #13), apart from operations.ts so the feature stays in one place.

export const WebhookSubscriptionsQuery = graphql(`
  query WebhookSubscriptions($clientId: ID!) {
    webhookSubscriptions(clientId: $clientId) {
      id
      clientId
      url
      eventTypes
      description
      enabled
      disabledReason
      previousSecretValidUntil
      failingSince
      createdAt
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($clientId: ID!, $subscriptionId: ID!) {
    webhookDeliveries(clientId: $clientId, subscriptionId: $subscriptionId, limit: 50) {
      id
      messageId
      eventType
      status
      attempts
      lastStatusCode
      lastError
      nextAttemptAt
      createdAt
      deliveredAt
      attemptLog {
        attempt
        startedAt
        durationMs
        statusCode
        errorClass
        responseSnippet
      }
    }
  }
`);

export const CreateWebhookSubscriptionMutation = graphql(`
  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      secret
      subscription {
        id
      }
    }
  }
`);

export const UpdateWebhookSubscriptionMutation = graphql(`
  mutation UpdateWebhookSubscription($input: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(input: $input) {
      id
      enabled
    }
  }
`);

export const DeleteWebhookSubscriptionMutation = graphql(`
  mutation DeleteWebhookSubscription($input: WebhookSubscriptionRefInput!) {
    deleteWebhookSubscription(input: $input)
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($input: WebhookSubscriptionRefInput!) {
    rotateWebhookSecret(input: $input) {
      secret
      subscription {
        id
      }
    }
  }
`);

export const SendTestWebhookMutation = graphql(`
  mutation SendTestWebhook($input: WebhookSubscriptionRefInput!) {
    sendTestWebhook(input: $input) {
      id
    }
  }
`);

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
    redeliverWebhook(input: $input) {
      id
    }
  }
`);
