import { z } from 'zod';
import { CLIENT_DECISION_KINDS } from '../../../../../workflows/contracts/vocabulary/client-review';

// The portal's trust boundary: what a browser outside the agency may send (issue #14).

export const openBody = z.object({ token: z.string().min(1).max(200) }).strict();
export const codeBody = z.object({ token: z.string().min(1).max(200), code: z.string().min(1).max(20) }).strict();
export const decisionBody = z
  .object({
    kind: z.enum(CLIENT_DECISION_KINDS),
    comment: z.string().trim().max(2000).optional(),
    /** the checksum of the content the reviewer's page showed (C-23) */
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()
  .refine((d) => !['reject', 'request_changes'].includes(d.kind) || !!d.comment, {
    message: 'say what is wrong or what to change: a comment is needed',
    path: ['comment'],
  });
export type DecisionBody = z.infer<typeof decisionBody>;
export const postId = z.string().uuid();

export function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join('.') || 'body'}: ${i.message}` : 'invalid input';
}
