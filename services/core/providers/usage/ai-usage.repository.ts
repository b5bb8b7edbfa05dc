import type { EntityManager } from 'typeorm';
import { AiUsage } from '../../database/entities';
import type { StepSpend } from '../ai-contract';

export type NewAiUsage = Omit<AiUsage, 'id' | 'createdAt'>;

/** Usage rows: appended after each billed call, summed for the monthly budget and the step contract. */
export class AiUsageRepository {
  async append(m: EntityManager, row: NewAiUsage): Promise<void> {
    await m.insert(AiUsage, row);
  }

  /** What the client spent in a month (its own timezone's calendar month), in micros. */
  async monthSpend(m: EntityManager, clientId: string, month: string): Promise<number> {
    const rows: { spent: string | null }[] = await m.query(
      'SELECT sum(cost_micros)::text AS spent FROM ai_usage WHERE client_id = $1 AND month = $2',
      [clientId, month],
    );
    return Number(rows[0]?.spent ?? 0);
  }

  /**
   * What a step used so far: tokens and cost summed, calls counted (each one a tool call of the step), and the wall
   * time since its first call started. `depth` is the caller's, filled in by the gateway.
   */
  async stepSpend(m: EntityManager, clientId: string, stepId: string, now: Date): Promise<Omit<StepSpend, 'depth'>> {
    const rows: { tokens: string | null; cost: string | null; calls: string; first: Date | null }[] = await m.query(
      `SELECT sum(input_tokens + output_tokens)::text AS tokens, sum(cost_micros)::text AS cost, count(*)::text AS calls,
              min(started_at) AS first
       FROM ai_usage WHERE client_id = $1 AND step_id = $2`,
      [clientId, stepId],
    );
    const r = rows[0];
    return {
      tokens: Number(r?.tokens ?? 0),
      cost_micros: Number(r?.cost ?? 0),
      tool_calls: Number(r?.calls ?? 0),
      elapsed_ms: r?.first ? Math.max(0, now.getTime() - new Date(r.first).getTime()) : 0,
    };
  }
}
