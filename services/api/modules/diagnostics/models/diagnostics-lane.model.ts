import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LanePoller', { description: 'A worker polling a lane’s task queue, as the Temporal server lists it' })
export class LanePollerModel {
  @Field({ description: 'workflow or activity: which side of the queue it polls' }) kind!: string;
  @Field({ description: 'the worker’s identity (process@host)' }) identity!: string;
  @Field(() => Date, { nullable: true }) lastAccessAt!: Date | null;
}

@ObjectType('DiagnosticsLane', { description: 'One priority lane: its queue, its workers, its slots and its backlog' })
export class DiagnosticsLaneModel {
  @Field() lane!: string;
  @Field() taskQueue!: string;
  @Field({ description: 'a worker polled the queue in the last two minutes' }) alive!: boolean;
  @Field(() => Int, { description: 'workflow task slots per worker (temporal.yaml workerSlots)' })
  workflowSlots!: number;
  @Field(() => Int, { description: 'activity slots per worker (temporal.yaml workerSlots)' }) activitySlots!: number;
  @Field(() => [LanePollerModel]) pollers!: LanePollerModel[];
  @Field({ description: 'false when the server does not report backlogs: the backlog fields are then unknown' })
  backlogKnown!: boolean;
  @Field(() => Int, { nullable: true }) workflowBacklog!: number | null;
  @Field(() => Float, { nullable: true }) workflowBacklogAgeSeconds!: number | null;
  @Field(() => Int, { nullable: true }) activityBacklog!: number | null;
  @Field(() => Float, { nullable: true }) activityBacklogAgeSeconds!: number | null;
}
