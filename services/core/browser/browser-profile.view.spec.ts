import { randomBytes, randomUUID } from 'node:crypto';
import type { BrowserProfile } from '../database/entities';
import { signManifest, type BrowserManifest } from './browser-manifest';
import { checkManifest, toView } from './browser-profile.view';

const key = randomBytes(32);

function profile(): BrowserProfile {
  const ids = { id: randomUUID(), clientId: randomUUID(), agencyId: randomUUID(), platformAccountId: randomUUID() };
  const manifest: BrowserManifest = {
    v: 1,
    profileId: ids.id,
    platformAccountId: ids.platformAccountId,
    clientId: ids.clientId,
    agencyId: ids.agencyId,
    platform: 'sandbox',
    externalAccountId: 'ext',
    handle: '@brand',
    displayName: null,
    issuedAt: new Date().toISOString(),
  };
  const now = new Date();
  return {
    ...ids,
    platform: 'sandbox',
    secretKey: `browser-profiles/${ids.clientId}/${ids.id}`,
    manifest: { ...manifest },
    manifestSignature: signManifest(key, manifest),
    mode: 'read_only',
    modeReason: null,
    hybridWriter: 'api',
    sideEffectsRequestedBy: null,
    sideEffectsRequestedAt: null,
    sideEffectsNote: null,
    sideEffectsApprovedBy: null,
    sideEffectsApprovedAt: null,
    runnerId: null,
    selectorMapVersion: null,
    lastCheckAt: null,
    lastCheck: null,
    createdBy: randomUUID(),
    createdAt: now,
    updatedAt: now,
  };
}

describe('checking a stored manifest (C-41)', () => {
  it('accepts its own signed manifest and shows it', () => {
    const row = profile();
    expect(checkManifest(row, key)).toEqual({ manifest: row.manifest });
    expect(toView(row, key)).toMatchObject({ manifestValid: true, manifest: row.manifest });
    expect(toView(row, key)).not.toHaveProperty('secretKey');
  });

  it("refuses another profile's validly signed manifest copied into the row", () => {
    const row = profile();
    const other = profile();
    const copied = { ...row, manifest: other.manifest, manifestSignature: other.manifestSignature };
    // same key: the signature itself checks out, the binding does not
    expect(checkManifest({ ...other, manifest: other.manifest }, key)).not.toHaveProperty('problem');
    expect(checkManifest(copied, key)).toMatchObject({ problem: 'binding_mismatch' });
  });

  it('refuses without a key, unsigned, unparseable and altered manifests', () => {
    const row = profile();
    expect(checkManifest(row, undefined)).toMatchObject({ problem: 'no_key' });
    expect(checkManifest({ ...row, manifestSignature: null }, key)).toMatchObject({ problem: 'unsigned' });
    expect(checkManifest({ ...row, manifest: { v: 2 } }, key)).toMatchObject({
      problem: 'unparseable',
      manifest: null,
    });
    expect(checkManifest({ ...row, manifest: { ...row.manifest, handle: '@evil' } }, key)).toMatchObject({
      problem: 'bad_signature',
    });
    expect(toView({ ...row, manifestSignature: null }, key).manifestValid).toBe(false);
  });
});
