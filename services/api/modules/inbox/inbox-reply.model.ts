import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ReasonModel } from '../posts/post.model';

@ObjectType('InboxReply', {
  description: "A reply, DM, like or hide on a conversation's message: drafted, approved, sent",
})
export class InboxReplyModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'reply, dm, like or hide' }) action!: string;
  @Field() text!: string;
  @Field({ description: 'what an approval names: an edit changes it (C-23)' }) checksum!: string;
  @Field({ description: 'draft, approved, sent, failed or refused' }) status!: string;
  @Field({ description: 'ai or human' }) authorKind!: string;
  @Field(() => ID, { nullable: true }) authorId!: string | null;
  @Field(() => ID, { nullable: true }) approvedBy!: string | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => [ReasonModel]) reasons!: ReasonModel[];
}
