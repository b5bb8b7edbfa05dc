import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('FailedEpisode', {
  description:
    'An episode that went wrong: a run Temporal ended as failed, timed out or terminated, and/or a Raize row ' +
    'that failed or is parked for a human',
})
export class FailedEpisodeModel {
  @Field(() => ID, { description: 'the workflow id, or the Raize row when it has no workflow' }) id!: string;
  @Field(() => String, { nullable: true }) workflowId!: string | null;
  @Field(() => String, { nullable: true, description: 'the failed run, or the workflow’s latest run' })
  runId!: string | null;
  @Field(() => String, { nullable: true }) workflowType!: string | null;
  @Field(() => String, { nullable: true, description: 'publish, creation, planning… (RaizeEpisodeKind)' })
  episodeKind!: string | null;
  @Field(() => String, { nullable: true, description: 'Temporal’s status of that run (FAILED, COMPLETED…)' })
  temporalStatus!: string | null;
  @Field(() => String, { nullable: true, description: 'Raize’s own status when it failed or parked the episode' })
  raizeStatus!: string | null;
  @Field(() => ID, { nullable: true }) agencyId!: string | null;
  @Field(() => ID, { nullable: true }) clientId!: string | null;
  @Field(() => String, { nullable: true, description: 'publish_job, plan or plan_item' }) subjectType!: string | null;
  @Field(() => ID, { nullable: true }) subjectId!: string | null;
  @Field(() => ID, { nullable: true, description: 'the post (publish job) behind a publish episode' })
  postId!: string | null;
  @Field(() => [String], { description: 'Raize’s reason codes' }) reasonCodes!: string[];
  @Field(() => String, { nullable: true, description: 'the root failure type (PermanentPublishError, TenantRefused…)' })
  failureType!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'the failure and reason messages, decrypted; platform staff only, null for everyone else',
  })
  message!: string | null;
  @Field({ description: 'when the run closed or the row changed' }) at!: Date;
  @Field(() => String, { nullable: true, description: 'RaizeTraceId: the trace of the action that started it' })
  traceId!: string | null;
  @Field(() => String, { nullable: true, description: 'the trace in the trace UI; platform staff only' })
  traceUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'the run in Temporal Web; platform staff only' })
  temporalUrl!: string | null;
  @Field({ description: 'a closed run platform staff can run again from its start' }) canRetry!: boolean;
}
