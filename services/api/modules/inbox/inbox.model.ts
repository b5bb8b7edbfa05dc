import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type {
  ConversationStatus,
  InboundKind,
  Intent,
  SafetyFlag,
  Sentiment,
} from '../../../../workflows/contracts/vocabulary/engagement';
import {
  CONVERSATION_STATUSES,
  INBOUND_KINDS,
  INTENTS,
  SAFETY_FLAGS,
  SENTIMENTS,
} from '../../../../workflows/contracts/vocabulary/engagement';
import { ReasonModel } from '../posts/post.model';

// The engagement vocabulary as GraphQL enums, member names equal to the stored values.
const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const ConversationStatusEnum: Record<ConversationStatus, ConversationStatus> = enumOf(CONVERSATION_STATUSES);
export const IntentEnum: Record<Intent, Intent> = enumOf(INTENTS);
export const SentimentEnum: Record<Sentiment, Sentiment> = enumOf(SENTIMENTS);
export const SafetyFlagEnum: Record<SafetyFlag, SafetyFlag> = enumOf(SAFETY_FLAGS);
export const InboundKindEnum: Record<InboundKind, InboundKind> = enumOf(INBOUND_KINDS);
registerEnumType(ConversationStatusEnum, { name: 'ConversationStatus', description: 'Where a conversation stands' });
registerEnumType(IntentEnum, { name: 'Intent', description: 'What the router read in a message' });
registerEnumType(SentimentEnum, { name: 'Sentiment' });
registerEnumType(SafetyFlagEnum, { name: 'SafetyFlag', description: 'What the router flagged in the text itself' });
registerEnumType(InboundKindEnum, { name: 'InboundKind' });

@ObjectType('Conversation', { description: 'A comment thread or a direct-message thread on one account' })
export class ConversationModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) platformAccountId!: string;
  @Field() platform!: string;
  @Field(() => InboundKindEnum) kind!: InboundKind;
  @Field(() => ConversationStatusEnum) status!: ConversationStatus;
  @Field(() => IntentEnum, { nullable: true }) intent!: Intent | null;
  @Field(() => SentimentEnum, { nullable: true }) sentiment!: Sentiment | null;
  @Field(() => [SafetyFlagEnum]) flags!: SafetyFlag[];
  @Field() sensitive!: boolean;
  @Field(() => [String], { description: 'why the router sent it where it went' }) why!: string[];
  @Field(() => [ReasonModel], { description: 'why it stands where it does now' }) reasons!: ReasonModel[];
  @Field(() => ID, { nullable: true }) assigneeId!: string | null;
  @Field(() => Date, { nullable: true, description: 'when a human must have answered' }) slaDueAt!: Date | null;
  @Field({ description: 'the SLA deadline passed while it waited' }) slaBreached!: boolean;
  @Field({ description: 'the latest summary (the drafter reads this and the last messages)' }) summary!: string;
  @Field() lastMessageAt!: Date;
}

@ObjectType('ConversationPage')
export class ConversationPageModel {
  @Field(() => [ConversationModel]) items!: ConversationModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('ConversationMessage')
export class ConversationMessageModel {
  @Field(() => ID) id!: string;
  @Field() direction!: 'in' | 'out';
  @Field(() => String, { nullable: true }) authorHandle!: string | null;
  @Field({ description: 'inbound text is untrusted: shown as text, never as markup' }) text!: string;
  @Field() occurredAt!: Date;
}

@ObjectType('ConversationNote', { description: 'An internal note: operators only, never sent' })
export class ConversationNoteModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) authorId!: string;
  @Field() text!: string;
  @Field() createdAt!: Date;
}

@ObjectType('SavedReply')
export class SavedReplyModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() text!: string;
}

@ObjectType('InboxOperator', { description: 'An operator of the client who may work its inbox' })
export class InboxOperatorModel {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field() role!: string;
}
