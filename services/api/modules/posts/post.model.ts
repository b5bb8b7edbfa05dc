import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Reason')
export class ReasonModel {
  @Field() code!: string;
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
  @Field() status!: string;
  @Field(() => [ReasonModel]) reasons!: ReasonModel[];
  @Field() scheduledAt!: Date;
  @Field() timezone!: string;
  @Field(() => ID) createdBy!: string;
  @Field(() => String, { nullable: true }) platformPostId!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the proof: platform answer and read-back' }) proof!: string | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field() workflowId!: string;
  @Field({ description: 'link to the episode in Temporal Web' }) temporalUrl!: string;
  @Field(() => String, { nullable: true, description: 'the live status reported by the workflow, when it runs' }) workflowStatus!: string | null;
  @Field(() => [PostApprovalModel]) approvals!: PostApprovalModel[];
}
