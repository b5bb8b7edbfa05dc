import { z } from 'zod';

/**
 * How much the fuzz step runs and from where: RAIZE_FUZZ_RUNS random inputs per GraphQL field (the webhook, CSV,
 * upload and document targets scale from it), RAIZE_FUZZ_SEED to replay a run exactly (printed by every run).
 */
export interface FuzzSettings {
  seed: number;
  runs: number;
}

/**
 * Sized so the whole step (harness start, seeding and every target) stays within about four minutes on a loaded
 * two-core machine: about 4 × 123 GraphQL fields plus the other targets, ~700 inputs. A fresh seed per run covers
 * more over time; raise RAIZE_FUZZ_RUNS for a deeper run.
 */
export const DEFAULT_FUZZ_RUNS = 4;

const settingsSchema = z.object({
  RAIZE_FUZZ_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  RAIZE_FUZZ_RUNS: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_FUZZ_RUNS),
});

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const parsed = settingsSchema.safeParse({
    RAIZE_FUZZ_SEED: env.RAIZE_FUZZ_SEED || undefined,
    RAIZE_FUZZ_RUNS: env.RAIZE_FUZZ_RUNS || undefined,
  });
  if (!parsed.success)
    throw new Error(`fuzz settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return {
    // A fresh seed each run finds more over time; the summary line prints it so a failure can be replayed.
    seed: parsed.data.RAIZE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31),
    runs: parsed.data.RAIZE_FUZZ_RUNS,
  };
}

/**
 * One seed per property, derived from the run's seed and the property's name: every field gets its own sequence
 * (one shared seed would send the same shapes everywhere), and a failing property replays alone.
 */
export function seedFor(settings: FuzzSettings, name: string): number {
  let h = settings.seed >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h & 0x7fffffff;
}
