import { z } from 'zod';
import { BROWSER_STOP_KINDS } from '../../../workflows/contracts/vocabulary/browser-lane';

/**
 * A runner's self-check of a profile (open a page, read the identity, look for the selectors): what it saw, stored on
 * the profile as its last check. Identifiers and a short detail only: no page content, no URL query, no cookie.
 */
export const browserCheckSchema = z
  .object({
    ok: z.boolean(),
    /** why the check stopped (null when ok) */
    stopKind: z.enum(BROWSER_STOP_KINDS).nullable(),
    /** the identity the page showed, when one could be read */
    observed: z
      .object({
        externalAccountId: z.string().max(300).nullable(),
        handle: z.string().max(300).nullable(),
        displayName: z.string().max(300).nullable(),
      })
      .nullable(),
    /** the selector keys found missing or changed (drift) */
    missingSelectors: z.array(z.string().max(200)).max(50).default([]),
    detail: z.string().max(500).nullable(),
  })
  .refine((c) => (c.ok ? c.stopKind === null : c.stopKind !== null), {
    message: 'a passing check has no stop kind, a failing one has one',
  });

export type BrowserCheckResult = z.infer<typeof browserCheckSchema>;
export type BrowserCheckInput = z.input<typeof browserCheckSchema>;
