import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('EpisodeReset', { description: 'A run that platform staff retried or reset, and the new run' })
export class EpisodeResetModel {
  @Field() workflowId!: string;
  @Field() previousRunId!: string;
  @Field() runId!: string;
  @Field(() => Int, { description: 'the workflow task the new run starts after' }) eventId!: number;
  @Field(() => String, { nullable: true }) temporalUrl!: string | null;
}
