import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('EpisodeResetPoint', { description: 'A completed workflow task a run can be reset to' })
export class EpisodeResetPointModel {
  @Field(() => Int, { description: 'the WorkflowTaskCompleted event id' }) eventId!: number;
  @Field(() => Date, { nullable: true }) at!: Date | null;
  @Field({ description: 'what had just happened: "activity preparePublish completed", "timer 1 fired"…' })
  after!: string;
  @Field(() => String, { nullable: true }) activityType!: string | null;
  @Field({ description: 'resetting here runs the episode again from its start' }) first!: boolean;
}
