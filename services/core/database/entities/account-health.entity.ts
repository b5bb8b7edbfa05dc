import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AccountRestriction, QuotaMeter } from '../../connectors/connector.types';
import type { HealthSignal } from '../../../../workflows/contracts/vocabulary/health-signals';

/** One connector error as the health centre keeps it: in an operator's words, never the platform's raw body. */
export interface RecordedConnectorError {
  at: string;
  signal: HealthSignal | null;
  /** ConnectorError kind */
  kind: string;
  status: number | null;
  platformCode: string | null;
  /** what happened, in an operator's words */
  message: string;
  /** what to do next */
  whatToDo: string;
}

/** The connector health centre's memory of one account (one row per account). */
@Entity({ name: 'account_health' })
export class AccountHealth {
  @PrimaryColumn({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true }) lastSuccessAt!: Date | null;
  @Column({ name: 'last_failure_at', type: 'timestamptz', nullable: true }) lastFailureAt!: Date | null;
  /** newest first, a few at most */
  @Column({ name: 'recent_errors', type: 'jsonb' }) recentErrors!: RecordedConnectorError[];
  @Column({ type: 'jsonb' }) quotas!: QuotaMeter[];
  @Column({ type: 'jsonb' }) restrictions!: AccountRestriction[];
  @Column({ type: 'jsonb' }) missing!: string[];
  @Column({ name: 'standing_checked_at', type: 'timestamptz', nullable: true }) standingCheckedAt!: Date | null;
  /** the signal an alert was raised for; the same signal does not alert again until it clears */
  @Column({ name: 'alerted_signal', type: 'text', nullable: true }) alertedSignal!: HealthSignal | null;
  @Column({ name: 'alerted_at', type: 'timestamptz', nullable: true }) alertedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
