import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { PlanFormat, PlanItemStatus, PlanStatus } from '../../../../workflows/contracts/vocabulary/plan-status';
import type { PlanTiming } from '../../../core/plans/plan-request';
import { PLAN_TIMINGS } from '../../../core/plans/plan-request';
import {
  PLAN_FORMATS,
  PLAN_ITEM_STATUSES,
  PLAN_STATUSES,
} from '../../../../workflows/contracts/vocabulary/plan-status';

// The vocabulary's words as GraphQL enums, member names equal to the stored values (as services/api/schema/enums.ts).
const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const PlanStatusEnum: Record<PlanStatus, PlanStatus> = enumOf(PLAN_STATUSES);
export const PlanItemStatusEnum: Record<PlanItemStatus, PlanItemStatus> = enumOf(PLAN_ITEM_STATUSES);
export const PlanFormatEnum: Record<PlanFormat, PlanFormat> = enumOf(PLAN_FORMATS);
registerEnumType(PlanStatusEnum, {
  name: 'PlanStatus',
  description: 'Where a content plan is in its planning episode',
});
registerEnumType(PlanItemStatusEnum, {
  name: 'PlanItemStatus',
  description: 'Where a plan item is, up to its publish',
});
registerEnumType(PlanFormatEnum, { name: 'PlanFormat', description: 'What a plan item is made as' });
export const PlanTimingEnum: Record<PlanTiming, PlanTiming> = enumOf(PLAN_TIMINGS);
registerEnumType(PlanTimingEnum, { name: 'PlanTiming', description: "Where a target's items take their times from" });

@ObjectType('PlanReason')
export class PlanReasonModel {
  @Field() code!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true, description: 'when the planner tries again by itself' }) retryAt?: string;
}

@ObjectType('PlanTarget')
export class PlanTargetModel {
  @Field(() => ID) platformAccountId!: string;
  @Field() platform!: string;
  @Field(() => Int) postsPerWeek!: number;
  @Field(() => [String], { description: 'local posting times HH:MM' }) postingTimes!: string[];
  @Field(() => PlanTimingEnum) timing!: PlanTiming;
  @Field(() => [ID], { description: 'the accounts each item of this target also goes out on' })
  crossPostAccountIds!: string[];
}

@ObjectType('PlanPillar')
export class PlanPillarModel {
  @Field() name!: string;
  @Field(() => Int) weight!: number;
}

@ObjectType('PlatformFormats')
export class PlatformFormatsModel {
  @Field() platform!: string;
  @Field(() => [PlanFormatEnum]) formats!: PlanFormat[];
}

@ObjectType('PlanItem', {
  description: "One item of a plan graph: target, format, slot in the client's timezone, brief",
})
export class PlanItemModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => ID) platformAccountId!: string;
  @Field() platform!: string;
  @Field(() => [ID], { description: 'the other accounts the item also goes out on, at the same time' })
  crossPostAccountIds!: string[];
  @Field(() => PlanTimingEnum, { description: 'queue: moves to the next free queue slot if its own is taken' })
  timing!: PlanTiming;
  @Field(() => PlanFormatEnum) format!: PlanFormat;
  @Field() pillar!: string;
  @Field() slotAt!: Date;
  @Field({ description: "the slot's local date in the client's timezone" }) localDate!: string;
  @Field({ description: "the slot's local time HH:MM in the client's timezone" }) localTime!: string;
  @Field() brief!: string;
  @Field(() => PlanItemStatusEnum) status!: PlanItemStatus;
  @Field(() => [PlanReasonModel]) reasons!: PlanReasonModel[];
  @Field(() => ID, { nullable: true }) assetId!: string | null;
  @Field(() => [ID]) publishJobIds!: string[];
}

@ObjectType('Plan', { description: 'A content plan: its request, status and items (a projection of its events)' })
export class PlanModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => PlanStatusEnum) status!: PlanStatus;
  @Field(() => [PlanReasonModel]) reasons!: PlanReasonModel[];
  @Field() goals!: string;
  @Field() startDate!: string;
  @Field() endDate!: string;
  @Field() timezone!: string;
  @Field(() => [PlanTargetModel]) targets!: PlanTargetModel[];
  @Field(() => [PlanPillarModel]) pillars!: PlanPillarModel[];
  @Field(() => [PlatformFormatsModel]) formats!: PlatformFormatsModel[];
  @Field() requiresApproval!: boolean;
  @Field(() => ID, { nullable: true, description: 'who asked for it; null when a recurring Schedule did' })
  createdBy!: string | null;
  @Field() source!: string;
  @Field(() => ID, { nullable: true }) decidedBy!: string | null;
  @Field(() => Int) itemCount!: number;
  @Field(() => PlanStatusEnum, {
    nullable: true,
    description: 'the live status reported by the workflow, when it runs',
  })
  workflowStatus!: PlanStatus | null;
  @Field(() => [PlanItemModel]) items!: PlanItemModel[];
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('RecurringPlanning', {
  description: "A client's recurring planning: its template and its Schedule's state",
})
export class RecurringPlanningModel {
  @Field(() => ID) clientId!: string;
  @Field() cadence!: string;
  @Field() goals!: string;
  @Field() requiresApproval!: boolean;
  @Field(() => [PlanTargetModel]) targets!: PlanTargetModel[];
  @Field(() => [PlanPillarModel]) pillars!: PlanPillarModel[];
  @Field({ description: "paused in the Schedule (Temporal's answer, not a stored flag)" }) paused!: boolean;
  @Field(() => Date, { nullable: true }) nextRunAt!: Date | null;
}
