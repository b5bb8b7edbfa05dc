import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { repoRoot } from '../util/repo-root';

const lanes = ['publish', 'engagement', 'creation', 'planning'] as const;
export type Lane = (typeof lanes)[number];

const slotSchema = z.object({ workflows: z.number().int().positive(), activities: z.number().int().positive() });
/** 0 turns the lane's sticky cache off: every workflow task replays its history. */
const cacheSchema = z.object({ cachedWorkflows: z.number().int().min(0) });

const temporalFileSchema = z.object({
  namespace: z.string().min(1),
  taskQueues: z.object({
    publish: z.string().min(1),
    engagement: z.string().min(1),
    creation: z.string().min(1),
    planning: z.string().min(1),
  }),
  workerSlots: z.object({ publish: slotSchema, engagement: slotSchema, creation: slotSchema, planning: slotSchema }),
  workerCache: z.object({
    publish: cacheSchema,
    engagement: cacheSchema,
    creation: cacheSchema,
    planning: cacheSchema,
  }),
  workerProcess: z.object({ maxOldSpaceMb: z.number().int().min(128) }),
  searchAttributes: z.record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
    z.enum(['Keyword', 'Text', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList']),
  ),
  devServer: z.object({ ip: z.string(), port: z.number().int(), uiPort: z.number().int(), dbFile: z.string() }),
});

export type TemporalFileConfig = z.infer<typeof temporalFileSchema>;

/**
 * The V8 flag a worker process is started with (node <flag> dist/services/worker/main.js, or NODE_OPTIONS): it caps
 * the heap of every isolate in the process, the main thread's and each lane's workflow thread's alike.
 */
export function workerHeapFlag(cfg: Pick<TemporalFileConfig, 'workerProcess'>): string {
  return `--max-old-space-size=${cfg.workerProcess.maxOldSpaceMb}`;
}

/** A worker process's environment with that flag last in NODE_OPTIONS (the last of a V8 flag given twice wins). */
export function withWorkerHeap(
  env: NodeJS.ProcessEnv,
  cfg: Pick<TemporalFileConfig, 'workerProcess'>,
): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, workerHeapFlag(cfg)].filter(Boolean).join(' ') };
}
export const LANES: readonly Lane[] = lanes;

export function parseTemporalConfig(text: string, source = 'temporal.yaml'): TemporalFileConfig {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new ConfigError([`${source}: not valid YAML (${(err as Error).message.split('\n')[0]})`]);
  }
  const result = temporalFileSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${source}: ${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}

let cached: TemporalFileConfig | undefined;
/**
 * temporal.yaml at the repository root, or the file RAIZE_TEMPORAL_FILE names: a deployment sizing its workers for
 * another machine, or the scale benchmark running a worker with other cache settings beside the shipped ones.
 */
export function loadTemporalConfig(
  path = process.env.RAIZE_TEMPORAL_FILE || join(repoRoot(), 'temporal.yaml'),
): TemporalFileConfig {
  if (!cached) cached = parseTemporalConfig(readFileSync(path, 'utf8'), path);
  return cached;
}
