import { z } from 'zod';

/**
 * The messages a script's child process may send (C-38). The child runs untrusted code, so what it sends is parsed
 * like any other input at a trust boundary: a message that does not fit ends the run.
 */
export const childMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('log'), line: z.string() }),
  z.object({ t: z.literal('fetch'), id: z.number().int().positive(), url: z.string().max(8192) }),
  z.object({ t: z.literal('done'), json: z.string(), cpuMs: z.number().nonnegative().optional() }),
  z.object({
    t: z.literal('error'),
    code: z.enum(['script_error', 'output_too_large']),
    message: z.string().optional(),
  }),
]);
export type ChildMessage = z.infer<typeof childMessageSchema>;

/** What the parent sends: the one run, then the answers to the script's fetches. */
export type ParentMessage =
  | { t: 'run'; code: string; input: string; outputBytes: number }
  | { t: 'fetched'; id: number; status: number; text: string }
  | { t: 'fetched'; id: number; error: string };
