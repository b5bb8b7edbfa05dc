import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import {
  AssignConversationInput,
  ConversationArgs,
  ConversationNoteInput,
  ConversationStatusInput,
  DeleteSavedReplyInput,
  InboxArgs,
  SavedReplyInput,
} from './dtos/inbox.inputs';
import {
  ConversationMessageModel,
  ConversationModel,
  ConversationNoteModel,
  ConversationPageModel,
  InboxOperatorModel,
  SavedReplyModel,
} from './inbox.model';
import { InboxService } from './inbox.service';
import { InboxRepliesService } from './inbox-replies.service';
import { InboxReplyModel } from './inbox-reply.model';
import { ApproveReplyInput, RejectReplyInput, ReplyToConversationInput } from './dtos/inbox-reply.inputs';

@Resolver(() => ConversationModel)
@UseGuards(ActorGuard)
export class InboxResolver {
  constructor(
    private readonly service: InboxService,
    private readonly replies: InboxRepliesService,
  ) {}

  @Query(() => [InboxReplyModel], { description: "The replies drafted and sent on a conversation's messages" })
  conversationReplies(
    @CurrentActor() actor: Actor,
    @Args('conversationId', { type: () => ID }, new ParseUUIDPipe()) conversationId: string,
  ): Promise<InboxReplyModel[]> {
    return this.replies.list(actor, conversationId);
  }

  @Mutation(() => InboxReplyModel, { description: 'Approve a draft as shown, or edited; the episode sends it' })
  @TokenScope('approve')
  approveReply(@CurrentActor() actor: Actor, @Args('input') input: ApproveReplyInput): Promise<InboxReplyModel> {
    return this.replies.approve(actor, input);
  }

  @Mutation(() => InboxReplyModel)
  @TokenScope('approve')
  rejectReply(@CurrentActor() actor: Actor, @Args('input') input: RejectReplyInput): Promise<InboxReplyModel> {
    return this.replies.reject(actor, input);
  }

  @Mutation(() => InboxReplyModel, { description: "Answer a conversation in the operator's own words" })
  @TokenScope('approve')
  replyToConversation(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReplyToConversationInput,
  ): Promise<InboxReplyModel> {
    return this.replies.replyTo(actor, input);
  }

  @Query(() => ConversationPageModel, {
    description: "A client's conversations across its accounts, newest activity first, with the inbox's filters",
  })
  inbox(@CurrentActor() actor: Actor, @Args() args: InboxArgs): Promise<ConversationPageModel> {
    return this.service.list(actor, args);
  }

  @Query(() => ConversationModel)
  conversation(@CurrentActor() actor: Actor, @Args() args: ConversationArgs): Promise<ConversationModel> {
    return this.service.get(actor, args.id);
  }

  @Query(() => [ConversationMessageModel], { description: "A conversation's latest messages, oldest first" })
  conversationMessages(
    @CurrentActor() actor: Actor,
    @Args('conversationId', { type: () => ID }, new ParseUUIDPipe()) conversationId: string,
  ): Promise<ConversationMessageModel[]> {
    return this.service.messages(actor, conversationId);
  }

  @Query(() => [ConversationNoteModel])
  conversationNotes(
    @CurrentActor() actor: Actor,
    @Args('conversationId', { type: () => ID }, new ParseUUIDPipe()) conversationId: string,
  ): Promise<ConversationNoteModel[]> {
    return this.service.notes(actor, conversationId);
  }

  @Query(() => [InboxOperatorModel], { description: "The client's operators who may work its inbox" })
  inboxOperators(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<InboxOperatorModel[]> {
    return this.service.operators(actor, clientId);
  }

  @Query(() => [SavedReplyModel])
  savedReplies(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<SavedReplyModel[]> {
    return this.service.savedReplies(actor, clientId);
  }

  @Mutation(() => ConversationModel)
  @TokenScope('publish')
  assignConversation(
    @CurrentActor() actor: Actor,
    @Args('input') input: AssignConversationInput,
  ): Promise<ConversationModel> {
    return this.service.assign(actor, input);
  }

  @Mutation(() => ConversationNoteModel)
  @TokenScope('publish')
  addConversationNote(
    @CurrentActor() actor: Actor,
    @Args('input') input: ConversationNoteInput,
  ): Promise<ConversationNoteModel> {
    return this.service.addNote(actor, input);
  }

  @Mutation(() => ConversationModel)
  @TokenScope('publish')
  escalateConversation(
    @CurrentActor() actor: Actor,
    @Args('input') input: ConversationStatusInput,
  ): Promise<ConversationModel> {
    return this.service.escalate(actor, input);
  }

  @Mutation(() => ConversationModel)
  @TokenScope('publish')
  closeConversation(
    @CurrentActor() actor: Actor,
    @Args('input') input: ConversationStatusInput,
  ): Promise<ConversationModel> {
    return this.service.close(actor, input);
  }

  @Mutation(() => SavedReplyModel)
  @TokenScope('publish')
  createSavedReply(@CurrentActor() actor: Actor, @Args('input') input: SavedReplyInput): Promise<SavedReplyModel> {
    return this.service.createSavedReply(actor, input);
  }

  @Mutation(() => Boolean)
  @TokenScope('publish')
  deleteSavedReply(@CurrentActor() actor: Actor, @Args('input') input: DeleteSavedReplyInput): Promise<boolean> {
    return this.service.deleteSavedReply(actor, input);
  }
}
