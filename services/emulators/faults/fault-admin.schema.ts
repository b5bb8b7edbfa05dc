import { z } from 'zod';
import type { FaultRuleInput } from './fault-rules';

/** The header an emulator's admin routes require (its value set by `enableAdmin`; never a platform's or vendor's). */
export const EMULATOR_ADMIN_HEADER = 'x-emulator-admin';
export const EMULATOR_ADMIN_PREFIX = '/_emulator/';

// The longest a slow fault holds a request: longer says nothing a test or the demo needs and ties up sockets.
const MAX_SLOW_MS = 120_000;

const matchSchema = z
  .object({
    method: z.string().min(1).max(16).optional(),
    path: z.string().startsWith('/', 'path must start with /').max(500).optional(),
  })
  .strict();

const headersSchema = z.record(z.string().min(1).max(100), z.string().max(1000));

const faultSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('status'),
      status: z.number().int().min(400).max(599),
      headers: headersSchema.optional(),
      body: z.unknown().optional(),
      afterApply: z.boolean().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('hang') }).strict(),
  z.object({ kind: z.literal('drop') }).strict(),
  z.object({ kind: z.literal('garbage') }).strict(),
  z
    .object({
      kind: z.literal('slow'),
      applyAfterMs: z.number().int().min(0).max(MAX_SLOW_MS).optional(),
      answerAfterMs: z.number().int().min(0).max(MAX_SLOW_MS).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('refuse') }).strict(),
  z.object({ kind: z.literal('job_fail'), reason: z.string().max(500).optional() }).strict(),
  z.object({ kind: z.literal('custom'), name: z.string().min(1).max(100) }).strict(),
]);

const ruleSchema = z
  .object({
    fault: faultSchema,
    match: matchSchema.optional(),
    times: z.number().int().min(1).max(1_000_000).optional(),
    forMs: z
      .number()
      .int()
      .min(1)
      .max(24 * 3600_000)
      .optional(),
    rate: z.number().gt(0).max(1).optional(),
  })
  .strict();

/** `POST /_emulator/faults`: the whole fault set (replaces what was there). */
export const setEmulatorFaultsSchema = z.object({ faults: z.array(ruleSchema).max(100) }).strict();

export type SetEmulatorFaults = { faults: FaultRuleInput[] };
