import fc from 'fast-check';
import type { FuzzSettings } from './fuzz-settings';
import { seedFor } from './fuzz-settings';
import type { FuzzOutcome, FuzzTally, FuzzTarget } from './fuzz-tally';
import { clip } from './http-answer';

/** What one fuzzed input came to: refused or not, and what was wrong (empty: the property holds). */
export interface InputVerdict {
  outcome: FuzzOutcome;
  problems: string[];
  serverError: boolean;
  partialWrite: boolean;
}

/**
 * Runs one seeded, bounded property and counts its inputs. The first failing input is counted once (shrinking
 * replays it and its smaller variants); the failure then reports the shrunk counterexample, its seed and path.
 */
export async function checkProperty<T>(o: {
  name: string;
  target: FuzzTarget;
  arbitrary: fc.Arbitrary<T>;
  runs: number;
  settings: FuzzSettings;
  tally: FuzzTally;
  run: (input: T) => Promise<InputVerdict>;
}): Promise<void> {
  let failed = false;
  const details = await fc.check(
    fc.asyncProperty(o.arbitrary, async (input) => {
      const v = await o.run(input);
      o.tally.record(o.target, v.outcome);
      if (!v.problems.length) return;
      if (!failed) {
        failed = true;
        if (v.serverError) o.tally.serverErrors++;
        if (v.partialWrite) o.tally.partialWrites++;
      }
      throw new Error(`${o.name}: ${v.problems.join('; ')}`);
    }),
    { seed: seedFor(o.settings, o.name), numRuns: o.runs },
  );
  if (!details.failed) return;
  // The counterexample may hold a 300,000-character string: the report keeps its head, and the seed and path replay it.
  const report = clip(fc.defaultReportMessage(details) ?? o.name, 4000);
  const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `${report}\nWhat was wrong: ${clip(why, 4000)}\n(replay the whole step with RAIZE_FUZZ_SEED=${o.settings.seed})`,
  );
}
