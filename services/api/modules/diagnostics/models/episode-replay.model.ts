import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ReplayOutcome } from '../../../../core/diagnostics/replay-history';
import { REPLAY_OUTCOMES } from '../../../../core/diagnostics/replay-history';
import { enumOf } from '../../../schema/enums';

export const ReplayOutcomeEnum: Record<ReplayOutcome, ReplayOutcome> = enumOf(REPLAY_OUTCOMES);
registerEnumType(ReplayOutcomeEnum, {
  name: 'ReplayOutcome',
  description: 'same: the current code makes the recorded decisions; diverged: it would not; failed: no verdict',
});

@ObjectType('EpisodeReplay', { description: 'A run’s history replayed against the workflow code the workers run' })
export class EpisodeReplayModel {
  @Field() workflowId!: string;
  @Field() runId!: string;
  @Field(() => String, { nullable: true }) workflowType!: string | null;
  @Field() sameDecisions!: boolean;
  @Field(() => ReplayOutcomeEnum) outcome!: ReplayOutcome;
  @Field(() => Int, { nullable: true, description: 'the recorded event where the current code decides otherwise' })
  divergenceEventId!: number | null;
  @Field(() => String, { nullable: true, description: 'what differs, or why there is no verdict' })
  message!: string | null;
  @Field(() => Int) eventCount!: number;
}
