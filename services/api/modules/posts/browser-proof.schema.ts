import { z } from 'zod';
import type { BrowserProof } from '../../../core/browser/browser-driver.port';
import { BROWSER_PROOF_STEPS } from '../../../../workflows/contracts/vocabulary/browser-lane';

/**
 * The browser lane's proof as the publish job's JSON holds it (written by the runner's ProofRecorder). Read back
 * through this schema because a JSON column is not a type: a row written by another build, or by hand, must not
 * reach the artifact store or the page unchecked.
 */
export const storedBrowserProof = z.object({
  lane: z.literal('browser'),
  selectorMapVersion: z.string().min(1).max(100),
  steps: z
    .array(
      z.object({
        step: z.enum(BROWSER_PROOF_STEPS),
        url: z.string().max(2048),
        screenshotKey: z.string().max(200),
        domKey: z.string().max(200),
        masked: z.number().int().nonnegative(),
        at: z.string().datetime({ offset: true }),
      }),
    )
    .max(20),
}) satisfies z.ZodType<BrowserProof>;

export type StoredBrowserProof = z.infer<typeof storedBrowserProof>;
