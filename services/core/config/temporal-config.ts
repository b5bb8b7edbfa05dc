import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { repoRoot } from '../util/repo-root';

const lanes = ['publish', 'engagement', 'creation', 'planning'] as const;
export type Lane = (typeof lanes)[number];

const slotSchema = z.object({ workflows: z.number().int().positive(), activities: z.number().int().positive() });

const temporalFileSchema = z.object({
  namespace: z.string().min(1),
  taskQueues: z.object({
    publish: z.string().min(1),
    engagement: z.string().min(1),
    creation: z.string().min(1),
    planning: z.string().min(1),
  }),
  workerSlots: z.object({ publish: slotSchema, engagement: slotSchema, creation: slotSchema, planning: slotSchema }),
  searchAttributes: z.record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
    z.enum(['Keyword', 'Text', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList']),
  ),
  devServer: z.object({ ip: z.string(), port: z.number().int(), uiPort: z.number().int(), dbFile: z.string() }),
});

export type TemporalFileConfig = z.infer<typeof temporalFileSchema>;
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
export function loadTemporalConfig(path = join(repoRoot(), 'temporal.yaml')): TemporalFileConfig {
  if (!cached) cached = parseTemporalConfig(readFileSync(path, 'utf8'), path);
  return cached;
}
