import { randomBytes, randomUUID } from 'node:crypto';
import { browserManifestSchema, signManifest, verifyManifest, type BrowserManifest } from './browser-manifest';

const manifest = (): BrowserManifest => ({
  v: 1,
  profileId: randomUUID(),
  platformAccountId: randomUUID(),
  clientId: randomUUID(),
  agencyId: randomUUID(),
  platform: 'sandbox',
  externalAccountId: 'ext-1',
  handle: '@brand',
  displayName: 'Brand',
  issuedAt: new Date().toISOString(),
});

describe('browser manifests (C-41)', () => {
  const key = randomBytes(32);

  it('verifies its own signature whatever the key order (a jsonb round trip reorders keys)', () => {
    const m = manifest();
    const sig = signManifest(key, m);
    const reordered = Object.fromEntries(Object.entries(m).reverse());
    expect(verifyManifest(key, reordered, sig)).toBe(true);
    expect(browserManifestSchema.parse(reordered)).toEqual(m);
  });

  it('refuses a changed field, another key, an unsigned or truncated signature', () => {
    const m = manifest();
    const sig = signManifest(key, m);
    expect(verifyManifest(key, { ...m, handle: '@someone_else' }, sig)).toBe(false);
    expect(verifyManifest(key, { ...m, displayName: null }, sig)).toBe(false);
    expect(verifyManifest(randomBytes(32), m, sig)).toBe(false);
    expect(verifyManifest(key, m, null)).toBe(false);
    expect(verifyManifest(key, m, '')).toBe(false);
    expect(verifyManifest(key, m, sig.slice(1))).toBe(false);
  });

  it('parses strictly: an extra field is not a manifest', () => {
    expect(browserManifestSchema.safeParse({ ...manifest(), extra: 1 }).success).toBe(false);
  });
});
