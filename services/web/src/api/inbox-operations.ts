import { graphql } from '../gql';

// The engagement inbox's operations (issue #13), apart from operations.ts so the feature stays in one place.
// The API's cost limit (C-10) counts every field with a selection ten times over, so the list stays flat (scalar
// lists only) and a conversation's reasons, messages, notes and replies are read by separate small queries.

export const InboxQuery = graphql(`
  query Inbox(
    $clientId: ID!
    $first: Int!
    $after: String
    $status: ConversationStatus
    $platform: String
    $intent: Intent
    $sentiment: Sentiment
    $assigneeId: ID
    $breached: Boolean
  ) {
    inbox(
      clientId: $clientId
      first: $first
      after: $after
      status: $status
      platform: $platform
      intent: $intent
      sentiment: $sentiment
      assigneeId: $assigneeId
      breached: $breached
    ) {
      items {
        id
        status
        kind
        intent
        sentiment
        flags
        sensitive
        platform
        platformAccountId
        lastMessageAt
        slaDueAt
        slaBreached
        assigneeId
      }
      endCursor
    }
  }
`);

export const ConversationQuery = graphql(`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      id
      status
      kind
      intent
      sentiment
      flags
      sensitive
      platform
      platformAccountId
      lastMessageAt
      slaDueAt
      slaBreached
      assigneeId
      why
      summary
      reasons {
        code
        message
      }
    }
  }
`);

export const ConversationMessagesQuery = graphql(`
  query ConversationMessages($conversationId: ID!) {
    conversationMessages(conversationId: $conversationId) {
      id
      direction
      authorHandle
      text
      occurredAt
    }
  }
`);

export const ConversationNotesQuery = graphql(`
  query ConversationNotes($conversationId: ID!) {
    conversationNotes(conversationId: $conversationId) {
      id
      authorId
      text
      createdAt
    }
  }
`);

export const ConversationRepliesQuery = graphql(`
  query ConversationReplies($conversationId: ID!) {
    conversationReplies(conversationId: $conversationId) {
      id
      action
      status
      text
      checksum
      authorKind
      authorId
      approvedBy
      sentAt
      reasons {
        code
        message
      }
    }
  }
`);

export const InboxOperatorsQuery = graphql(`
  query InboxOperators($clientId: ID!) {
    inboxOperators(clientId: $clientId) {
      id
      displayName
      role
    }
  }
`);

export const SavedRepliesQuery = graphql(`
  query SavedReplies($clientId: ID!) {
    savedReplies(clientId: $clientId) {
      id
      title
      text
    }
  }
`);

// The changed conversation comes back with the list's fields, so its row updates without waiting for the poll.
export const AssignConversationMutation = graphql(`
  mutation AssignConversation($input: AssignConversationInput!) {
    assignConversation(input: $input) {
      id
      status
      kind
      intent
      sentiment
      flags
      sensitive
      platform
      platformAccountId
      lastMessageAt
      slaDueAt
      slaBreached
      assigneeId
    }
  }
`);

export const EscalateConversationMutation = graphql(`
  mutation EscalateConversation($input: ConversationStatusInput!) {
    escalateConversation(input: $input) {
      id
      status
      kind
      intent
      sentiment
      flags
      sensitive
      platform
      platformAccountId
      lastMessageAt
      slaDueAt
      slaBreached
      assigneeId
    }
  }
`);

export const CloseConversationMutation = graphql(`
  mutation CloseConversation($input: ConversationStatusInput!) {
    closeConversation(input: $input) {
      id
      status
      kind
      intent
      sentiment
      flags
      sensitive
      platform
      platformAccountId
      lastMessageAt
      slaDueAt
      slaBreached
      assigneeId
    }
  }
`);

export const AddConversationNoteMutation = graphql(`
  mutation AddConversationNote($input: ConversationNoteInput!) {
    addConversationNote(input: $input) {
      id
    }
  }
`);

export const ApproveReplyMutation = graphql(`
  mutation ApproveReply($input: ApproveReplyInput!) {
    approveReply(input: $input) {
      id
      status
    }
  }
`);

export const RejectReplyMutation = graphql(`
  mutation RejectReply($input: RejectReplyInput!) {
    rejectReply(input: $input) {
      id
      status
    }
  }
`);

export const ReplyToConversationMutation = graphql(`
  mutation ReplyToConversation($input: ReplyToConversationInput!) {
    replyToConversation(input: $input) {
      id
      status
    }
  }
`);

export const CreateSavedReplyMutation = graphql(`
  mutation CreateSavedReply($input: SavedReplyInput!) {
    createSavedReply(input: $input) {
      id
    }
  }
`);

export const DeleteSavedReplyMutation = graphql(`
  mutation DeleteSavedReply($input: DeleteSavedReplyInput!) {
    deleteSavedReply(input: $input)
  }
`);
