import { z } from 'zod';
import type { AccountRestriction, AccountStanding, QuotaMeter } from '../connectors/connector.types';
import type { RecordedConnectorError } from '../database/entities/account-health.entity';
import { HEALTH_SIGNALS } from '../../../workflows/contracts/vocabulary/health-signals';

// A platform's standing reaches the health centre from a connector (whose figures came from the platform) and sits
// in jsonb that the worker and the API both write: everything is checked going in and coming out, and a malformed
// entry is dropped rather than shown.

const text = (max: number) => z.string().trim().min(1).max(max);
const isoTime = z.iso.datetime({ offset: true });

export const quotaMeterSchema = z.object({
  id: z.string().regex(/^[a-z0-9_.-]{1,64}$/),
  label: text(200),
  used: z.number().finite().nonnegative(),
  limit: z.number().finite().nonnegative().nullable(),
  unit: z.enum(['posts', 'quota_units', 'usd', 'requests']),
  resetsAt: isoTime.optional(),
}) satisfies z.ZodType<QuotaMeter>;

export const restrictionSchema = z.object({
  code: z.enum(HEALTH_SIGNALS),
  message: text(1000),
}) satisfies z.ZodType<AccountRestriction>;

export const recordedErrorSchema = z.object({
  at: isoTime,
  signal: z.enum(HEALTH_SIGNALS).nullable(),
  kind: text(40),
  status: z.number().int().nullable(),
  platformCode: z.string().max(64).nullable(),
  message: text(500),
  whatToDo: text(1000),
}) satisfies z.ZodType<RecordedConnectorError>;

const MAX_ENTRIES = 50;

export const standingSchema = z.object({
  quotas: z.array(quotaMeterSchema).max(MAX_ENTRIES),
  restrictions: z.array(restrictionSchema).max(MAX_ENTRIES),
  missing: z.array(text(300)).max(MAX_ENTRIES),
  scopes: z.array(z.string().max(300)).max(200).optional(),
}) satisfies z.ZodType<AccountStanding>;

/** The entries of a stored list that still parse; the rest are left out (one bad entry hides no good one). */
export function validEntries<T>(schema: z.ZodType<T>, stored: unknown): T[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((e) => {
    const r = schema.safeParse(e);
    return r.success ? [r.data] : [];
  });
}
