import type { CrashPhase } from '../../../services/worker/crash-point';
import { CRASH_PHASES } from '../../../services/worker/crash-point';
import type { Random } from './seeded-random';
import { pick } from './seeded-random';

export const EPISODE_KINDS = ['publish', 'creation', 'engagement'] as const;
export type EpisodeKind = (typeof EPISODE_KINDS)[number];
export type PerKind<T> = Record<EpisodeKind, T>;

/** An activity boundary of an episode: the nth activity of that type the episode runs, before it or after it. */
export interface Boundary {
  activity: string;
  nth: number;
  phase: CrashPhase;
}

export const boundaryName = (b: Boundary): string => `${b.activity}#${b.nth}:${b.phase}`;

/** Every boundary of an episode whose activities ran in this order (a recorded history): before and after each. */
export function boundariesOf(sequence: readonly string[]): Boundary[] {
  const seen = new Map<string, number>();
  return sequence.flatMap((activity) => {
    const nth = (seen.get(activity) ?? 0) + 1;
    seen.set(activity, nth);
    return CRASH_PHASES.map((phase) => ({ activity, nth, phase }));
  });
}

/** One kill: an episode of its own, killed at one boundary. */
export interface Trial {
  id: number;
  kind: EpisodeKind;
  boundary: Boundary;
  /** part of the matrix (every boundary once) rather than a seeded random one */
  matrix: boolean;
}

function shuffled<T>(rand: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Per episode kind: every boundary once (the matrix), then seeded random boundaries up to the kind's count. With
 * fewer trials than boundaries (a quick local run), a seeded sample of the boundaries.
 */
export function planTrials(boundaries: PerKind<Boundary[]>, counts: PerKind<number>, rand: Random): Trial[] {
  let id = 0;
  return EPISODE_KINDS.flatMap((kind) => {
    const all = boundaries[kind];
    const matrix = shuffled(rand, all).slice(0, counts[kind]);
    const random = Array.from({ length: Math.max(0, counts[kind] - all.length) }, () => pick(rand, all));
    return [
      ...matrix.map((boundary) => ({ kind, boundary, matrix: true })),
      ...random.map((boundary) => ({ kind, boundary, matrix: false })),
    ].map((t) => ({ id: ++id, ...t }));
  });
}

/**
 * Worker lives: each runs at most `perLife` trials of a kind at once (a parked activity holds a worker slot, and the
 * creation lane has four), spread evenly so every life kills some episodes of each kind. Trials whose killed activity
 * takes longest to come back (`weight`) go to the first lives, so the last life's runs recover soonest.
 */
export function intoLives(
  trials: readonly Trial[],
  perLife: PerKind<number>,
  rand: Random,
  weight: (t: Trial) => number = () => 0,
): Trial[][] {
  const byKind = EPISODE_KINDS.map((k) => ({
    k,
    trials: shuffled(
      rand,
      trials.filter((t) => t.kind === k),
    ).sort((a, b) => weight(b) - weight(a)),
  }));
  const lives = Math.max(1, ...byKind.map(({ k, trials: ts }) => Math.ceil(ts.length / perLife[k])));
  const out: Trial[][] = Array.from({ length: lives }, () => []);
  for (const { trials: ts } of byKind) ts.forEach((t, i) => out[Math.floor(i / Math.ceil(ts.length / lives))]!.push(t));
  return out.filter((l) => l.length > 0);
}
