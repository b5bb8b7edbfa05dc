/** A small seeded generator (mulberry32): the same seed picks the same kill points, so a failure can be replayed. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: Random, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** RAIZE_CRASH_SEED, or a fresh one (printed with the results, so the run can be repeated). */
export function seedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.RAIZE_CRASH_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 31);
  const n = Number(given);
  if (!Number.isInteger(n) || n < 0) throw new Error('RAIZE_CRASH_SEED: must be a non-negative integer');
  return n;
}
