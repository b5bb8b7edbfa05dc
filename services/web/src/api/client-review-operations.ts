import { graphql } from '../gql';

// The client review's operations (issue #14): the client's reviewers and review links, approval stages, and where a
// post stands with its client; apart from operations.ts so the feature stays in one place.

export const ClientReviewersQuery = graphql(`
  query ClientReviewers($clientId: ID!) {
    clientReviewers(clientId: $clientId) {
      id
      name
      email
      disabledAt
      createdAt
    }
  }
`);

export const ReviewLinksQuery = graphql(`
  query ReviewLinks($clientId: ID!) {
    reviewLinks(clientId: $clientId) {
      id
      reviewerId
      reviewerName
      postIds
      requiresCode
      expiresAt
      revokedAt
      lastUsedAt
      createdAt
      status
    }
  }
`);

/** The upcoming posts a batch link may name (the calendar's query, without the live polling). */
export const ReviewBatchCandidatesQuery = graphql(`
  query ReviewBatchCandidates($clientId: ID!, $from: String!, $to: String!) {
    postCalendar(clientId: $clientId, from: $from, to: $to, first: 300) {
      id
      status
      final
      scheduledAt
      assetId
      platformAccountId
    }
  }
`);

export const AddClientReviewerMutation = graphql(`
  mutation AddClientReviewer($input: AddClientReviewerInput!) {
    addClientReviewer(input: $input) {
      id
    }
  }
`);

export const DisableClientReviewerMutation = graphql(`
  mutation DisableClientReviewer($input: ClientReviewerRefInput!) {
    disableClientReviewer(input: $input) {
      id
      disabledAt
    }
  }
`);

export const CreateReviewLinkMutation = graphql(`
  mutation CreateReviewLink($input: CreateReviewLinkInput!) {
    createReviewLink(input: $input) {
      url
      emailed
      link {
        id
        reviewerName
        expiresAt
      }
    }
  }
`);

export const RevokeReviewLinkMutation = graphql(`
  mutation RevokeReviewLink($input: ReviewLinkRefInput!) {
    revokeReviewLink(input: $input) {
      id
      status
    }
  }
`);

export const ApprovalStagesQuery = graphql(`
  query ApprovalStages($clientId: ID!) {
    policySettings(clientId: $clientId) {
      clientId
      approvalStages {
        action
        platform
        stage
      }
    }
  }
`);

export const UpdateApprovalStagesMutation = graphql(`
  mutation UpdateApprovalStages($input: UpdatePolicySettingsInput!) {
    updatePolicySettings(input: $input) {
      clientId
      approvalStages {
        action
        platform
        stage
      }
    }
  }
`);

export const PostClientReviewQuery = graphql(`
  query PostClientReview($id: ID!) {
    post(id: $id) {
      id
      approvalStage
      clientReviewState
      clientDecisions {
        kind
        reviewerId
        reviewerName
        comment
        createdAt
      }
    }
  }
`);
