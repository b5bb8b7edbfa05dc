import { z } from 'zod';
import { advisoryId } from './audit-report.parse';

const GHSA_ID = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/;

const entrySchema = z.strictObject({
  /** GHSA id, its github.com/advisories URL, or the advisory URL npm reports when it has no GHSA. */
  advisory: z
    .string()
    .transform(advisoryId)
    .refine((id) => GHSA_ID.test(id) || /^https:\/\/\S+$/.test(id), 'a GHSA id or an https advisory URL'),
  package: z.string().min(1),
  /** Why the advisory does not reach Raize (or why the risk is accepted), in words a reviewer can check. */
  reason: z.string().min(40, 'a reason a reviewer can check (40 characters at least)'),
  reviewer: z.string().min(1),
  /** The entry stops counting after this day (YYYY-MM-DD, UTC): someone must look again. */
  reviewBy: z.iso.date(),
});

export const auditAllowlistSchema = z.strictObject({
  description: z.string().optional(),
  entries: z.array(entrySchema),
});

export type AuditAllowlist = z.infer<typeof auditAllowlistSchema>;
export type AllowlistEntry = AuditAllowlist['entries'][number];
