import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { ArtifactRef } from '../../../services/core/artifacts/artifact-store.port';
import { ArtifactRejectedError } from '../../../services/core/artifacts/artifact.errors';
import type { RecordedArtifactStore } from '../../../services/core/artifacts/recorded-artifact-store';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import { openDataSource } from '../../harness/test-env';

// One suite that every artifact backend must pass (C-46, C-47), so the local directory developers use and the
// MinIO bucket production runs cannot drift apart.

export interface BackendUnderTest {
  /** a store on the app role's DataSource (RLS applies), with the limits below */
  store: RecordedArtifactStore;
  /** the app role's DataSource the store runs on */
  appDs: DataSource;
  /** the limits the store was configured with */
  limits: { imageBytes: number; maxUrlTtlSeconds: number };
  /** replaces an object's bytes behind the store's back, as someone with disk or bucket access would */
  tamper(key: string, bytes: Buffer): Promise<void>;
  /** the lifetime (seconds) a signed URL states for itself */
  urlLifetimeSeconds(url: string): number;
  /** `url` rewritten to name `to`'s object and client, keeping the signature issued for `from` */
  retarget(url: string, from: ArtifactRef, to: ArtifactRef): string;
  /** `url` with one character of its signature changed */
  tamperSignature(url: string): string;
  close(): Promise<void>;
}

/** A tiny valid PNG header plus random bytes: sniffed as image/png, unique per call. */
export const pngBytes = (size = 256) =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(size)]);

export async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ArtifactRejectedError) return err.reason;
    throw err;
  }
  return 'accepted';
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function describeArtifactStoreContract(name: string, make: () => Promise<BackendUnderTest>): void {
  describe(`artifact store contract: ${name}`, () => {
    let b: BackendUnderTest;
    let owner: DataSource;
    let A: SeededTenant;
    let B: SeededTenant;
    const put = (t: SeededTenant, bytes: Buffer, kind: 'image' | 'video' | 'text' = 'image', claimed?: string) =>
      b.store.put({ agencyId: t.agencyId, clientId: t.clientId, kind, bytes, claimedContentType: claimed });
    const rows = (clientId: string) =>
      owner.query<{ key: string; checksum: string; size: string; content_type: string }[]>(
        'SELECT key, checksum, size, content_type FROM artifacts WHERE client_id = $1',
        [clientId],
      );
    const audits = (clientId: string, action: string) =>
      owner.query<{ subject_id: string; data: Record<string, unknown> }[]>(
        'SELECT subject_id, data FROM audit_events WHERE client_id = $1 AND action = $2 ORDER BY seq',
        [clientId, action],
      );

    beforeAll(async () => {
      b = await make();
      owner = await openDataSource();
      A = await seedTenant(owner);
      B = await seedTenant(owner);
    });
    afterAll(async () => {
      await b?.close();
      await owner?.destroy();
    });

    it('[C-46] stores under <agency>/<client>/<kind>/<sha256>.<ext>, records the checksum, and reads it back', async () => {
      const bytes = pngBytes();
      const ref = await put(A, bytes, 'image', 'image/png');
      expect(ref).toEqual({
        key: `${A.agencyId}/${A.clientId}/image/${sha256(bytes)}.png`,
        agencyId: A.agencyId,
        clientId: A.clientId,
        kind: 'image',
        checksum: sha256(bytes),
        size: bytes.length,
        contentType: 'image/png',
      });
      expect(await put(A, bytes)).toEqual(ref);
      expect((await rows(A.clientId)).filter((r) => r.key === ref.key)).toEqual([
        { key: ref.key, checksum: ref.checksum, size: String(bytes.length), content_type: 'image/png' },
      ]);
      expect((await b.store.get(ref)).equals(bytes)).toBe(true);
      expect((await audits(A.clientId, 'artifact.stored')).map((r) => r.subject_id)).toContain(ref.key);
    });

    it('[C-46] a signed URL works before its expiry and is refused after it', async () => {
      const bytes = pngBytes();
      const ref = await put(A, bytes);
      const url = await b.store.signedUrl(ref, { expiresInSeconds: 2 });
      const before = await fetch(url);
      expect(before.status).toBe(200);
      expect(Buffer.from(await before.arrayBuffer()).equals(bytes)).toBe(true);
      await sleep(3_100);
      const after = await fetch(url);
      expect(after.status).toBe(403);
      expect(Buffer.from(await after.arrayBuffer()).includes(bytes.subarray(16, 48))).toBe(false);
    });

    it('[C-46] signed URLs carry Raize’s expiry: 300 s by default, capped at the configured maximum, logged', async () => {
      const ref = await put(A, pngBytes());
      expect(b.urlLifetimeSeconds(await b.store.signedUrl(ref))).toBeLessThanOrEqual(301);
      expect(b.urlLifetimeSeconds(await b.store.signedUrl(ref))).toBeGreaterThanOrEqual(299);
      const capped = await b.store.signedUrl(ref, { expiresInSeconds: 7 * 24 * 3600 });
      expect(b.urlLifetimeSeconds(capped)).toBeLessThanOrEqual(b.limits.maxUrlTtlSeconds + 1);
      const logged = (await audits(A.clientId, 'artifact.url_signed')).filter((r) => r.subject_id === ref.key);
      expect(logged.map((r) => r.data.expiresInSeconds)).toEqual([300, 300, b.limits.maxUrlTtlSeconds]);
    });

    it("[C-46] a URL for client A's object cannot be turned into client B's", async () => {
      const secretOfB = pngBytes();
      const refB = await put(B, secretOfB);
      const refA = await put(A, pngBytes());
      const forged = b.retarget(await b.store.signedUrl(refA), refA, refB);
      const res = await fetch(forged);
      expect(res.status).toBe(403);
      expect(Buffer.from(await res.arrayBuffer()).includes(secretOfB.subarray(16, 48))).toBe(false);
      // the untouched URL for B's object is what works, so the forgery failed on the signature, not on B's object
      expect((await fetch(await b.store.signedUrl(refB))).status).toBe(200);
    });

    it('[C-46] a tampered signature is refused', async () => {
      const ref = await put(A, pngBytes());
      const url = await b.store.signedUrl(ref);
      expect((await fetch(b.tamperSignature(url))).status).toBe(403);
      expect((await fetch(url)).status).toBe(200);
    });

    it("[C-46] get() refuses another tenant's key, even guessed exactly, and RLS hides it from a caller's scope", async () => {
      const refB = await put(B, pngBytes());
      expect(await rejection(b.store.get({ key: refB.key, clientId: A.clientId }))).toBe('bad_key');
      expect(await rejection(b.store.signedUrl({ key: refB.key, clientId: A.clientId }))).toBe('bad_key');
      // Inside A's scope (an operator of A asking with B's key and B's id), row-level security answers "no such row".
      const scopeOfA = { actorId: null, agencyIds: [], clientIds: [A.clientId], memberAgencyIds: [] };
      expect(await runInTenantScope(b.appDs, scopeOfA, () => rejection(b.store.get(refB)))).toBe('not_found');
      // A well-formed key in A's tree that Raize never issued
      const guessed = `${A.agencyId}/${A.clientId}/image/${'0'.repeat(64)}.png`;
      expect(await rejection(b.store.get({ key: guessed, clientId: A.clientId }))).toBe('not_found');
    });

    it('[C-47] refuses a PNG claimed as a video and a text file renamed .png, writing nothing', async () => {
      const before = (await rows(A.clientId)).length;
      expect(await rejection(put(A, pngBytes(), 'video', 'video/mp4'))).toBe('type_mismatch');
      expect(await rejection(put(A, pngBytes(), 'video'))).toBe('type_mismatch');
      expect(await rejection(put(A, Buffer.from('just some text, named holiday.png'), 'image', 'image/png'))).toBe(
        'type_mismatch',
      );
      expect(await rejection(put(A, Buffer.from('7f454c4602010100', 'hex'), 'image'))).toBe('unknown_type');
      expect((await rows(A.clientId)).length).toBe(before);
    });

    it('[C-47] refuses an object over its kind’s size limit, writing nothing', async () => {
      const before = (await rows(A.clientId)).length;
      expect(await rejection(put(A, pngBytes(b.limits.imageBytes)))).toBe('too_large');
      expect((await rows(A.clientId)).length).toBe(before);
    });

    it('[C-47] refuses traversal, absolute and encoded keys', async () => {
      const ref = await put(A, pngBytes());
      const [agency, client] = [A.agencyId, A.clientId];
      for (const key of [
        `../${ref.key}`,
        `/${ref.key}`,
        `/etc/passwd`,
        `${agency}/${client}/image/../../../../etc/passwd`,
        `${agency}/${client}/image/%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
        `${agency}/${client}/image/..%2f${ref.checksum}.png`,
        `${agency}/${client}/../${client}/image/${ref.checksum}.png`,
      ]) {
        expect(await rejection(b.store.get({ key, clientId: client }))).toBe('bad_key');
        expect(await rejection(b.store.signedUrl({ key, clientId: client }))).toBe('bad_key');
      }
    });

    it('[C-46] a tampered object is refused on read (checksum verified)', async () => {
      const original = pngBytes();
      const ref = await put(A, original);
      const forged = pngBytes(original.length - 16);
      expect(forged.length).toBe(original.length);
      await b.tamper(ref.key, forged);
      expect(await rejection(b.store.get(ref))).toBe('checksum_mismatch');
      // Nor is it handed out by URL: refused when signing (MinIO serves by itself) or when served (the API route).
      const viaUrl = await b.store.signedUrl(ref).then(
        async (url) => (await fetch(url)).status,
        (err: unknown) => (err as ArtifactRejectedError).reason,
      );
      expect([502, 'checksum_mismatch']).toContain(viaUrl);
      await b.tamper(ref.key, Buffer.concat([original, Buffer.from('appended')]));
      expect(await rejection(b.store.get(ref))).toBe('checksum_mismatch');
      // A put of the true content repairs the object rather than trusting what is there.
      await put(A, original);
      expect((await b.store.get(ref)).equals(original)).toBe(true);
    });
  });
}
