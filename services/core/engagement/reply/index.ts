export { draftReply, answerRequest, type DrafterDeps } from './draft-reply';
export { checkReply, replyPolicyInput, REPLY_POLICY_ENTRYPOINT, type ReplyCheckInput } from './check-reply';
export { summariseThread, recentMessages, MAX_SUMMARY_CHARS, RECENT_MESSAGES } from './thread-summary';
export { REPLY_TEMPLATES, templateFor, composeReply, brandSlots } from './reply-templates';
export { ANSWER_SCHEMA_NAME } from './answer.schema';
export {
  replySettingsSchema,
  type DraftInput,
  type DraftResult,
  type ReplyCheck,
  type ReplySettings,
  type TemplateSlots,
  type ThreadMessage,
} from './reply.types';
