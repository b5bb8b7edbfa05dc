import { z } from 'zod';
import { AppError, AppErrorCode } from '../../../errors/app-error';

// The diagnostics module's trust boundary: what an operator may send about a workflow (issue #15).

const workflowId = z.string().regex(/^[A-Za-z0-9._:@-]{1,255}$/, 'not a workflow id');
const runId = z.string().uuid('not a run id');

export const failedEpisodesArgs = z.object({
  days: z.number().int().min(1).max(30),
  limit: z.number().int().min(1).max(200),
});

export const runArgs = z.object({ workflowId, runId });
export type RunArgs = z.infer<typeof runArgs>;

export const resetArgs = z.object({
  workflowId,
  runId,
  eventId: z.number().int().positive(),
  /** kept in the audit trail only: Temporal's history is not encrypted */
  reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500),
});
export type ResetArgs = z.infer<typeof resetArgs>;

/** Parses or answers BAD_USER_INPUT naming the first problem. */
export function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const i = r.error.issues[0];
  throw new AppError(AppErrorCode.BadInput, `${i?.path.join('.') || 'input'}: ${i?.message ?? 'invalid'}`);
}
