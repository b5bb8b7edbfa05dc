import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PublishStatus } from '../../../../workflows/contracts/vocabulary/publish-status';
import { PublishStatusEnum } from '../../schema/enums';

/**
 * `code` stays a String: a newer policy bundle may give a code this build does not know yet, and the operator
 * must still see it (an enum would fail the whole query, and mapping it to a stand-in would lose the word).
 * `reasonCode` (ReasonResolver) is the same code as the ReasonCode enum, or null when it is unknown here.
 */
@ObjectType('Reason')
export class ReasonModel {
  @Field({ description: 'the code as given, possibly one newer than this API knows' }) code!: string;
  @Field() message!: string;
}

@ObjectType('PostApproval')
export class PostApprovalModel {
  @Field(() => ID) approverId!: string;
  @Field() role!: string;
  @Field() assetChecksum!: string;
  @Field() createdAt!: Date;
}

@ObjectType('Post', { description: 'A scheduled publish job and what became of it' })
export class PostModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) platformAccountId!: string;
  @Field(() => ID) assetId!: string;
  @Field() assetChecksum!: string;
  @Field(() => PublishStatusEnum) status!: PublishStatus;
  @Field(() => [ReasonModel]) reasons!: ReasonModel[];
  @Field() scheduledAt!: Date;
  @Field() timezone!: string;
  @Field(() => ID) createdBy!: string;
  @Field(() => [ID], {
    description:
      'everyone who wrote or edited the content (scheduler, writer, editors): under four eyes none may approve it',
  })
  authorIds!: string[];
  @Field(() => String, { nullable: true }) platformPostId!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the proof: platform answer and read-back' }) proof!:
    string | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field() workflowId!: string;
  /** Exposed by PostsResolver as a PublishStatus: a status newer than this API reads as "no live status". */
  workflowStatus!: string | null;
  @Field(() => [PostApprovalModel]) approvals!: PostApprovalModel[];
  // Plain fields, not field resolvers: a resolver per post turns every row of a 1,000-post month into promises
  // through Nest's pipes, and their garbage was most of the calendar's cost (docs/benchmarks.md, issue #18).
  @Field({ description: 'its position in time order: `after` for the page that follows it' }) cursor!: string;
  @Field({ description: 'the episode has ended: nothing can change the post any more' }) final!: boolean;
}
