import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ApprovalStage } from '../../../../workflows/contracts/vocabulary/client-review';
import { ApprovalStageEnum, PlatformIdEnum } from '../../schema/enums';

@ObjectType('Client')
export class ClientModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field() name!: string;
  @Field() timezone!: string;
}

@ObjectType('PlatformSpendCap')
export class PlatformSpendCapModel {
  @Field(() => PlatformIdEnum) platform!: string;
  @Field(() => Float, { description: 'US dollars per calendar month in the client’s timezone' }) monthlyUsd!: number;
}

@ObjectType('ApprovalStageRule', { description: 'The stages for one action on one platform ("default": the rest)' })
export class ApprovalStageRuleModel {
  @Field() action!: string;
  @Field() platform!: string;
  @Field(() => ApprovalStageEnum) stage!: ApprovalStage;
}

@ObjectType('PolicySettings')
export class PolicySettingsModel {
  @Field(() => ID) clientId!: string;
  @Field() publishAutonomy!: string;
  @Field() fourEyes!: boolean;
  @Field(() => Int, { nullable: true }) maxPublishesPerAccountPerDay!: number | null;
  @Field(() => Int, { nullable: true }) latenessCutoffSeconds!: number | null;
  @Field(() => Int, { nullable: true }) quietHoursStart!: number | null;
  @Field(() => Int, { nullable: true }) quietHoursEnd!: number | null;
  @Field(() => [PlatformSpendCapModel], {
    description: 'monthly spend caps on platforms that bill per post (X); a post over its cap waits',
  })
  platformSpendCaps!: PlatformSpendCapModel[];
  @Field({ description: 'reply autonomy: autonomous replies go out by themselves (sensitive comments never do)' })
  replyAutonomy!: string;
  @Field() dmAutonomy!: string;
  @Field() likeAutonomy!: string;
  @Field() hideAutonomy!: string;
  @Field({ description: "rules, or llm: the client's model classifies after the rules (it can add caution only)" })
  engagementClassifier!: string;
  @Field({ description: "templates, or llm: the client's model fills a template's answer slot" })
  engagementDrafter!: string;
  @Field(() => [String], { description: 'domains a reply may link to' }) replyLinkAllowlist!: string[];
  @Field(() => [ApprovalStageRuleModel], { description: 'which approvals each action needs, per platform' })
  approvalStages!: ApprovalStageRuleModel[];
}
