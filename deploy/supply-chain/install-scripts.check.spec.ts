import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowScriptsSchema, checkInstallScripts } from './install-scripts.check';
import { packageLockSchema, type PackageLock } from './package-lock.schema';

const ROOT = join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const realLock = (): PackageLock => packageLockSchema.parse(readJson('package-lock.json'));
const realAllowScripts = (): Record<string, boolean> =>
  allowScriptsSchema.parse((readJson('package.json') as { allowScripts?: unknown }).allowScripts ?? {});

const SHA512 = 'sha512-' + Buffer.alloc(64, 1).toString('base64');
const lock: PackageLock = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', version: '1.0.0' },
    'node_modules/native': { version: '1.0.0', integrity: SHA512, hasInstallScript: true },
    'node_modules/a/node_modules/native': { version: '2.0.0', integrity: SHA512, hasInstallScript: true },
    'node_modules/native-cjs': { name: 'native', version: '1.0.0', integrity: SHA512, hasInstallScript: true },
    'node_modules/@scope/gyp': { version: '1.0.0', integrity: SHA512, hasInstallScript: true },
    'node_modules/plain': { version: '1.0.0', integrity: SHA512 },
  },
};

describe('install scripts allowed by name (C-55)', () => {
  it('[C-55] the real lockfile: every package with an install script is named in package.json allowScripts', () => {
    const allowScripts = realAllowScripts();
    const result = checkInstallScripts(realLock(), allowScripts);
    expect(result.problems).toEqual([]);
    expect(result.withScripts.length).toBeGreaterThan(0);
    expect(Object.keys(allowScripts).sort()).toEqual(result.withScripts);
  });

  it('names cover every version and alias of a package', () => {
    const result = checkInstallScripts(lock, { native: false, '@scope/gyp': true });
    expect(result).toEqual({
      withScripts: ['@scope/gyp', 'native'],
      allowed: ['@scope/gyp'],
      denied: ['native'],
      problems: [],
    });
  });

  it('[C-55] a lockfile package with an install script that allowScripts does not name fails', () => {
    const result = checkInstallScripts(lock, { native: false });
    expect(result.problems).toEqual([{ code: 'install_script_not_allowed', subject: 'node_modules/@scope/gyp' }]);
  });

  it('[C-55] an allowScripts name that no install-script package of the lockfile has fails', () => {
    const result = checkInstallScripts(lock, { native: false, '@scope/gyp': false, plain: true, gone: false });
    expect(result.problems).toEqual([
      { code: 'allow_scripts_entry_unused', subject: 'plain' },
      { code: 'allow_scripts_entry_unused', subject: 'gone' },
    ]);
  });

  it('[C-55] a version-pinned allowScripts entry fails (npm cannot match it without resolved URLs)', () => {
    const result = checkInstallScripts(lock, { native: false, '@scope/gyp@1.0.0': true });
    expect(result.problems.map((p) => p.code)).toEqual(['install_script_not_allowed', 'allow_scripts_entry_pinned']);
  });

  it('[C-55] an installed package with install scripts the lockfile does not mark fails', () => {
    const result = checkInstallScripts(lock, { native: false, '@scope/gyp': false }, [
      { key: 'node_modules/native', hasInstallScript: true },
      { key: 'node_modules/plain', hasInstallScript: true },
    ]);
    expect(result.problems).toEqual([{ code: 'install_script_not_in_lockfile', subject: 'node_modules/plain' }]);
  });
});
