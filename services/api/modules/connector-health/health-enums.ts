import { registerEnumType } from '@nestjs/graphql';
import type { HealthSeverity } from '../../../core/connector-health/operator-words';
import { HEALTH_SEVERITIES } from '../../../core/connector-health/operator-words';
import type { HealthSignal } from '../../../../workflows/contracts/vocabulary/health-signals';
import { HEALTH_SIGNALS } from '../../../../workflows/contracts/vocabulary/health-signals';

// The health centre's words as GraphQL enums (members equal the stored values, as in schema/enums.ts), so the web
// app gets them through codegen instead of copying them.
const enumOf = <T extends string>(values: readonly T[]): Record<T, T> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const HealthSignalEnum: Record<HealthSignal, HealthSignal> = enumOf(HEALTH_SIGNALS);
export const HealthSeverityEnum: Record<HealthSeverity, HealthSeverity> = enumOf(HEALTH_SEVERITIES);

registerEnumType(HealthSignalEnum, {
  name: 'HealthSignal',
  description: 'Why a platform connection needs attention (workflows/contracts/vocabulary/health-signals.ts)',
});
registerEnumType(HealthSeverityEnum, {
  name: 'HealthSeverity',
  description: 'critical: nothing publishes until someone acts; warning: soon, or some posts fail; info: a look',
});
