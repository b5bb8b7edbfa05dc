import { z } from 'zod';

const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');

/** The Temporal remote codec protocol: proto3 JSON of a Payloads message (bytes as base64). */
export const codecPayloadsSchema = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() }))
    .max(10_000),
});

export type CodecPayloads = z.infer<typeof codecPayloadsSchema>;
