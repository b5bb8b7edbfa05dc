import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { defaultPolicyWasmPath, policySourceDir } from '../../../core/policy/policy-paths';

/** A platform the policy refuses by default (C-45), with the risk an Admin acknowledges to turn it on. */
export interface RestrictedPlatformRisk {
  platform: string;
  /** the statement's version: the audit event records which text the Admin acknowledged */
  version: number;
  statement: string;
}

// The list and its risk statements sit side by side in the policy's own data (policies/raize/data.json,
// raize.defaults), so a platform cannot be refused by the policy without the words an Admin must accept to allow it.
const risk = z.object({ version: z.number().int().positive(), statement: z.string().min(20) });
const policyData = z.object({
  raize: z.object({
    defaults: z
      .object({
        disallowed_platforms: z.array(z.string().min(1)),
        restricted_platform_risks: z.record(z.string(), risk),
      })
      .passthrough()
      .refine((d) => d.disallowed_platforms.every((p) => d.restricted_platform_risks[p]), {
        message: 'every disallowed platform needs a restricted_platform_risks entry',
      }),
  }),
});

let cached: RestrictedPlatformRisk[] | undefined;

/**
 * The platforms disallowed by default, each with its risk statement. Read once from the data the policy engine
 * loads ($RAIZE_POLICY_DATA, else policies/dist/data.json), else from the sources the build copies; a file that
 * does not validate is skipped (an older build without the statements), never read as "nothing restricted".
 */
export function restrictedPlatformRisks(): RestrictedPlatformRisk[] {
  if (cached) return cached;
  const candidates = [
    process.env.RAIZE_POLICY_DATA,
    join(dirname(defaultPolicyWasmPath()), 'data.json'),
    join(policySourceDir(), 'data.json'),
  ].filter((p): p is string => !!p);
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const parsed = policyData.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) continue;
    const d = parsed.data.raize.defaults;
    return (cached = d.disallowed_platforms.map((platform) => ({
      platform,
      ...d.restricted_platform_risks[platform],
    })));
  }
  throw new Error(
    'the restricted platforms (raize.defaults.restricted_platform_risks) were not found in the policy data',
  );
}

/** The risk of one restricted platform; undefined for a platform the policy does not refuse by default. */
export function restrictedPlatformRisk(platform: string): RestrictedPlatformRisk | undefined {
  return restrictedPlatformRisks().find((r) => r.platform === platform);
}
