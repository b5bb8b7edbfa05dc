import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { restrictedPlatformRisk, restrictedPlatformRisks } from './restricted-platforms.policy-data';

const sources = JSON.parse(readFileSync(join(__dirname, '../../../../policies/raize/data.json'), 'utf8')) as {
  raize: { defaults: { disallowed_platforms: string[]; restricted_platform_risks: Record<string, unknown> } };
};

describe('restricted platforms from the policy data (C-45)', () => {
  it('lists exactly the platforms the policy refuses by default, each with a versioned risk statement', () => {
    const risks = restrictedPlatformRisks();
    expect(risks.map((r) => r.platform)).toEqual(sources.raize.defaults.disallowed_platforms);
    for (const r of risks) {
      expect(r.version).toBeGreaterThanOrEqual(1);
      expect(r.statement.length).toBeGreaterThan(50);
    }
    expect(restrictedPlatformRisk('skool')?.statement).toMatch(/terms of service forbid automated access/);
  });

  it('has no opt-in for a platform the policy does not refuse', () => {
    expect(restrictedPlatformRisk('sandbox')).toBeUndefined();
  });

  it('every disallowed platform in the sources has its statement beside it', () => {
    const { disallowed_platforms: list, restricted_platform_risks: risks } = sources.raize.defaults;
    expect(list.filter((p) => !risks[p])).toEqual([]);
  });
});
