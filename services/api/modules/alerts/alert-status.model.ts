import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AlertSeverity } from '../../../core/metrics/alert-rules';
import { ALERT_SEVERITIES } from '../../../core/metrics/alert-rules';
import { enumOf } from '../../schema/enums';

export const AlertSeverityEnum: Record<AlertSeverity, AlertSeverity> = enumOf(ALERT_SEVERITIES);
registerEnumType(AlertSeverityEnum, {
  name: 'AlertSeverity',
  description: "An alert rule's severity label (deploy/alerts/raize-alerts.yaml)",
});

/** One alert rule judged now, as Prometheus would with the same threshold (flat: the cost rule). */
@ObjectType('AlertStatus')
export class AlertStatusModel {
  @Field(() => ID, { description: "the rule's raize_check" }) id!: string;
  @Field({ description: "the rule's alert name" }) name!: string;
  @Field(() => AlertSeverityEnum) severity!: AlertSeverity;
  @Field({ description: 'whether the condition holds now (Prometheus also waits out the rule\'s "for")' })
  firing!: boolean;
  @Field(() => Float, { nullable: true, description: 'the worst reading; null when it could not be taken' })
  value!: number | null;
  @Field(() => Float) threshold!: number;
  @Field({ description: "the rule's summary with the firing lanes or platforms and the value filled in" })
  summary!: string;
  @Field({ description: 'where the runbook is (docs/metrics.md#…)' }) runbook!: string;
  @Field(() => Date, { nullable: true, description: 'since when this API has seen it firing without a break' })
  since!: Date | null;
}
