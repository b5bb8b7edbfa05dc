import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLockfileSources, specKind } from './lockfile-sources.check';
import { packageLockSchema, type LockEntry, type PackageLock } from './package-lock.schema';

const ROOT = join(__dirname, '..', '..');
const realLock = (): PackageLock =>
  packageLockSchema.parse(JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')));

const SHA512 = 'sha512-' + Buffer.alloc(64, 7).toString('base64');

function lockWith(packages: Record<string, LockEntry>, rootDeps: Record<string, string> = {}): PackageLock {
  return {
    lockfileVersion: 3,
    packages: { '': { name: 'app', version: '1.0.0', dependencies: rootDeps }, ...packages },
  };
}

const codes = (lock: PackageLock): string[] => checkLockfileSources(lock).problems.map((p) => p.code);

describe('lockfile sources (C-55)', () => {
  it('[C-55] the real package-lock.json: every package from the registry, each with a sha512 integrity', () => {
    const lock = realLock();
    const result = checkLockfileSources(lock);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(Object.keys(lock.packages).length - 1);
  });

  it('[C-55] a package resolved from a git host, a tarball URL or another registry fails', () => {
    for (const resolved of [
      'git+ssh://git@github.com/someone/left-pad.git#5d1b7c0',
      'https://evil.example.com/left-pad-1.3.0.tgz',
      'https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz',
      'http://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
      'file:../vendor/left-pad-1.3.0.tgz',
    ]) {
      const lock = lockWith({ 'node_modules/left-pad': { version: '1.3.0', resolved, integrity: SHA512 } });
      expect({ resolved, codes: codes(lock) }).toEqual({ resolved, codes: ['resolved_outside_registry'] });
    }
  });

  it('[C-55] a registry tarball of another package than the entry names fails', () => {
    const lock = lockWith({
      'node_modules/left-pad': {
        version: '1.3.0',
        resolved: 'https://registry.npmjs.org/evil-pad/-/evil-pad-1.3.0.tgz',
        integrity: SHA512,
      },
    });
    expect(codes(lock)).toEqual(['resolved_name_mismatch']);
    const scoped = lockWith({
      'node_modules/@swc/core': {
        version: '1.0.0',
        resolved: 'https://registry.npmjs.org/@swc/core/-/core-1.0.0.tgz',
        integrity: SHA512,
      },
    });
    expect(codes(scoped)).toEqual([]);
  });

  it('[C-55] a missing integrity fails, and a sha1-only integrity too; bundled dependencies and workspace links pass', () => {
    expect(codes(lockWith({ 'node_modules/a': { version: '1.0.0' } }))).toEqual(['missing_integrity']);
    expect(
      codes(lockWith({ 'node_modules/a': { version: '1.0.0', integrity: 'sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } })),
    ).toEqual(['weak_integrity']);
    expect(codes(lockWith({ 'node_modules/a/node_modules/b': { version: '1.0.0', inBundle: true } }))).toEqual([]);
    expect(
      codes(
        lockWith({
          'node_modules/@app/lib': { link: true, resolved: 'packages/lib' },
          'packages/lib': { version: '1.0.0' },
        }),
      ),
    ).toEqual([]);
  });

  it('[C-55] a link to a folder outside the repository fails', () => {
    expect(codes(lockWith({ 'node_modules/x': { link: true, resolved: '../../elsewhere/x' } }))).toEqual([
      'link_outside_repo',
    ]);
    expect(codes(lockWith({ 'node_modules/x': { link: true, resolved: '/opt/x' } }))).toEqual(['link_outside_repo']);
  });

  it('[C-55] a git, file, link or URL dependency spec fails, in the root and in any package', () => {
    for (const spec of [
      'github:someone/left-pad',
      'someone/left-pad#main',
      'file:../left-pad',
      'https://x.test/a.tgz',
    ]) {
      expect(codes(lockWith({}, { 'left-pad': spec }))).toEqual(['non_registry_spec']);
    }
    const nested = lockWith({
      'node_modules/a': { version: '1.0.0', integrity: SHA512, dependencies: { b: 'git+https://x.test/b.git' } },
    });
    expect(codes(nested)).toEqual(['non_registry_spec']);
  });

  it('tells registry specs (ranges, tags, aliases) from the others', () => {
    expect(
      ['^1.2.3', '1.x', '>=2 <3', 'latest', '*', '', 'npm:string-width@^4.2.0', 'npm:@scope/x@1.0.0'].map(specKind),
    ).toEqual(Array(8).fill('registry'));
    expect(['npm:@scope/x@github:a/b', 'git://x.test/a.git', 'link:../a', './a', 'workspace:*'].map(specKind)).toEqual([
      'git',
      'git',
      'file',
      'file',
      'other-protocol',
    ]);
  });
});
