import { describe, it } from '@jest/globals';
import { findBaoBinary } from './bao-dev-server';

/** The variable .ci/run sets: in CI a missing OpenBao/Vault binary fails the run instead of skipping. */
export const REQUIRE_BAO_VARIABLE = 'RAIZE_REQUIRE_BAO';

export type BaoSuiteMode = { run: string } | { fail: string } | { skip: string };

/** What a suite needing OpenBao/Vault does in this environment: run with the binary, fail, or skip. */
export function baoSuiteMode(env: NodeJS.ProcessEnv = process.env): BaoSuiteMode {
  const bao = findBaoBinary(env);
  if ('bin' in bao) return { run: bao.bin };
  return env[REQUIRE_BAO_VARIABLE] === '1' ? { fail: bao.missing } : { skip: bao.missing };
}

/**
 * Runs `suite` with the OpenBao/Vault binary when there is one. Without it the suite is skipped with the
 * reason printed, unless RAIZE_REQUIRE_BAO=1 (set by .ci/run), which turns the missing binary into a failing
 * test: a Vault build that failed in CI must not leave the production backend's half of a suite unproven.
 */
export function describeWithBao(name: string, suite: (bin: string) => void, env = process.env): void {
  const mode = baoSuiteMode(env);
  if ('run' in mode) {
    describe(`${name} (${mode.run})`, () => suite(mode.run));
  } else if ('fail' in mode) {
    describe(name, () => {
      it(`finds the OpenBao/Vault binary (${REQUIRE_BAO_VARIABLE}=1)`, () => {
        throw new Error(mode.fail);
      });
    });
  } else {
    process.stderr.write(`\n[${name}] Vault/OpenBao half SKIPPED: ${mode.skip}\n`);
    describe.skip(`${name} (skipped: ${mode.skip})`, () => {
      it('needs an OpenBao/Vault binary', () => undefined);
    });
  }
}
