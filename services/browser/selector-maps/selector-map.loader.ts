import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../core/util/repo-root';
import { isPlatformId, type PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { selectorMapFileSchema, type SelectorMap } from './selector-map.schema';

/** A selector map that cannot be used: the message names the file and what is wrong with it. */
export class SelectorMapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorMapError';
  }
}

export interface LoadSelectorMapOptions {
  /** a pinned version (`v1`); default the newest in the folder */
  version?: string;
  /** the folder holding `<platform>/v<n>.json` (default: this repository's services/browser/selector-maps) */
  dir?: string;
}

export function selectorMapsDir(): string {
  // Read from the sources, not next to the compiled file: tsc does not copy JSON it does not import (dist/).
  return join(repoRoot(), 'services', 'browser', 'selector-maps');
}

/** The map versions kept for a platform, oldest first (`['v1', 'v2']`); empty when the platform has none. */
export function listSelectorMapVersions(platform: PlatformId, dir: string = selectorMapsDir()): string[] {
  let files: string[];
  try {
    files = readdirSync(join(dir, platform));
  } catch {
    return [];
  }
  return files
    .map((f) => /^v([1-9][0-9]*)\.json$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b)
    .map((n) => `v${n}`);
}

const cache = new Map<string, SelectorMap>();

/**
 * The platform's newest selector map (C-43: maps are versioned per platform in the repository), validated. A map that
 * is not JSON, does not fit the schema or names a selector key it does not define is refused with the reason.
 */
export function loadSelectorMap(platform: PlatformId, opts: LoadSelectorMapOptions = {}): SelectorMap {
  // The platform names a folder: anything but a known id is refused before it reaches the file system.
  if (!isPlatformId(platform)) throw new SelectorMapError(`unknown platform "${String(platform)}"`);
  const dir = opts.dir ?? selectorMapsDir();
  const versions = listSelectorMapVersions(platform, dir);
  const version = opts.version ?? versions[versions.length - 1];
  if (!version || !versions.includes(version)) {
    throw new SelectorMapError(
      opts.version
        ? `the ${platform} selector map ${opts.version} does not exist (kept: ${versions.join(', ') || 'none'})`
        : `the platform ${platform} has no selector map`,
    );
  }
  const file = join(dir, platform, `${version}.json`);
  const cached = cache.get(file);
  if (cached) return cached;
  const where = `${platform}/${version}.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SelectorMapError(`the selector map ${where} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = selectorMapFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SelectorMapError(`the selector map ${where} is invalid: ${issues.join('; ')}`);
  }
  if (parsed.data.platform !== platform || parsed.data.version !== version) {
    throw new SelectorMapError(
      `the selector map ${where} says it is ${parsed.data.platform}@${parsed.data.version}: the file name and the content must agree`,
    );
  }
  const map: SelectorMap = Object.freeze({ ...parsed.data, selectorMapVersion: `${platform}@${version}` });
  cache.set(file, map);
  return map;
}
