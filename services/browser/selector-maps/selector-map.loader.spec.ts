import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSelectorMapVersions, loadSelectorMap, selectorMapsDir, SelectorMapError } from './selector-map.loader';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';

const v1 = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(selectorMapsDir(), 'sandbox', 'v1.json'), 'utf8')) as Record<string, unknown>;

function mapsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'raize-maps-'));
  mkdirSync(join(dir, 'sandbox'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'sandbox', name), content);
  return dir;
}

describe('selector maps (C-43)', () => {
  it('loads the sandbox map from the repository with its version string', () => {
    const map = loadSelectorMap('sandbox');
    expect(map.selectorMapVersion).toBe('sandbox@v1');
    expect(map.pages.post.path).toBe('/p/{id}');
    expect(map.selectors['identity.card']?.unique).toBe(true);
  });

  it('takes the newest version, numerically, unless one is pinned', () => {
    const next = (version: string) => JSON.stringify({ ...v1(), version });
    const dir = mapsDir({ 'v1.json': next('v1'), 'v2.json': next('v2'), 'v10.json': next('v10'), 'notes.txt': 'x' });
    expect(listSelectorMapVersions('sandbox', dir)).toEqual(['v1', 'v2', 'v10']);
    expect(loadSelectorMap('sandbox', { dir }).selectorMapVersion).toBe('sandbox@v10');
    expect(loadSelectorMap('sandbox', { dir, version: 'v2' }).selectorMapVersion).toBe('sandbox@v2');
    expect(() => loadSelectorMap('sandbox', { dir, version: 'v3' })).toThrow(/v3 does not exist \(kept: v1, v2, v10\)/);
  });

  it('refuses invalid JSON clearly', () => {
    const dir = mapsDir({ 'v1.json': '{ "platform": "sandbox", ' });
    expect(() => loadSelectorMap('sandbox', { dir })).toThrow(SelectorMapError);
    expect(() => loadSelectorMap('sandbox', { dir })).toThrow(/sandbox\/v1\.json is not valid JSON/);
  });

  it('refuses a map naming a selector key it does not define, or a page path without its parameter', () => {
    const broken = v1();
    (broken.pages as { compose: { requires: string[] } }).compose.requires.push('compose.missing');
    (broken.pages as { post: { path: string } }).post.path = '/p/latest';
    const dir = mapsDir({ 'v1.json': JSON.stringify(broken) });
    expect(() => loadSelectorMap('sandbox', { dir })).toThrow(
      /pages\.compose\.requires\.6: unknown selector key "compose\.missing".*pages\.post\.path: the post path must have the parameters \{id\}/,
    );
  });

  it('refuses unknown fields, a file whose content names another version, and unknown platforms', () => {
    const dir = mapsDir({ 'v1.json': JSON.stringify({ ...v1(), extra: true }) });
    expect(() => loadSelectorMap('sandbox', { dir })).toThrow(/extra/);
    const other = mapsDir({ 'v2.json': JSON.stringify(v1()) });
    expect(() => loadSelectorMap('sandbox', { dir: other })).toThrow(/says it is sandbox@v1/);
    expect(() => loadSelectorMap('../etc' as PlatformId)).toThrow(/unknown platform/);
    expect(() => loadSelectorMap('instagram')).toThrow(/has no selector map/);
  });
});
