import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baoSuiteMode, REQUIRE_BAO_VARIABLE } from '../harness/bao-required';

const root = join(__dirname, '..', '..');
const lines = (file: string) => readFileSync(join(root, file), 'utf8').split('\n');

describe('CI requires the Vault half of the secrets suites', () => {
  it('.ci/run builds OpenBao/Vault and exports RAIZE_REQUIRE_BAO=1 before the test command', () => {
    const ci = lines('.ci/run').filter((l) => !l.trimStart().startsWith('#'));
    const build = ci.findIndex((l) => l.includes('bash deploy/tools/build-openbao.sh'));
    const required = ci.findIndex((l) => l.trim() === `export ${REQUIRE_BAO_VARIABLE}=1`);
    const test = ci.findIndex((l) => l.trim() === 'npm test');
    expect(build).toBeGreaterThanOrEqual(0);
    expect(required).toBeGreaterThan(build);
    expect(test).toBeGreaterThan(required);
    // Nothing between them (or in the test command) unsets it again.
    const unsets = (l: string) => new RegExp(`unset ${REQUIRE_BAO_VARIABLE}|${REQUIRE_BAO_VARIABLE}=(?!1)`).test(l);
    expect(ci.slice(required + 1).some(unsets)).toBe(false);
    expect(lines('deploy/local/test.sh').some(unsets)).toBe(false);
  });

  it('with RAIZE_REQUIRE_BAO=1 a missing binary fails the suite; without it, it skips with the reason', () => {
    const missing = { PATH: '', RAIZE_BIN_DIR: '/nonexistent', RAIZE_BAO_BIN: '/nonexistent/vault' };
    expect(baoSuiteMode({ ...missing, [REQUIRE_BAO_VARIABLE]: '1' })).toEqual({
      fail: expect.stringContaining('RAIZE_BAO_BIN=/nonexistent/vault does not exist') as unknown,
    });
    expect(baoSuiteMode(missing)).toEqual({ skip: expect.stringContaining('build-openbao.sh') as unknown });
  });
});
