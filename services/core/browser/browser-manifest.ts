import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ensureGatewayKey, readGatewayKey } from '../gateway/gateway-keys';
import type { SecretsPort } from '../secrets/secrets.port';
import { canonicalJson } from '../util/canonical-json';

/** Signs profile manifests (C-41); held in the secrets backend, so a database writer cannot sign a manifest. */
export const MANIFEST_SIGNING_KEY_SECRET = 'browser/manifest-signing-key';

/**
 * What a profile's pages must show, and whose profile it is (C-41). Built from the account's stored identity at
 * attach time and signed; the runner compares the page's identity with it before every action.
 */
export interface BrowserManifest {
  v: 1;
  profileId: string;
  platformAccountId: string;
  clientId: string;
  agencyId: string;
  platform: string;
  externalAccountId: string;
  handle: string;
  displayName: string | null;
  issuedAt: string;
}

/** A stored manifest is database data: parsed strictly before anything reads it. */
export const browserManifestSchema = z
  .object({
    v: z.literal(1),
    profileId: z.uuid(),
    platformAccountId: z.uuid(),
    clientId: z.uuid(),
    agencyId: z.uuid(),
    platform: z.string().min(1).max(50),
    externalAccountId: z.string().min(1).max(300),
    handle: z.string().min(1).max(300),
    displayName: z.string().max(300).nullable(),
    issuedAt: z.iso.datetime(),
  })
  .strict();

/** base64url HMAC-SHA256 of the manifest's canonical JSON (key order and jsonb round trips never change it). */
export function signManifest(key: Buffer, m: BrowserManifest): string {
  return createHmac('sha256', key).update(canonicalJson(m)).digest('base64url');
}

/** Constant-time check; false for an unsigned manifest. */
export function verifyManifest(key: Buffer, m: unknown, signature: string | null | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(createHmac('sha256', key).update(canonicalJson(m)).digest('base64url'));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signing key, created once per installation (under an advisory lock) the first time a profile is attached. */
export function manifestKey(ds: DataSource, secrets: SecretsPort): Promise<Buffer> {
  return ensureGatewayKey(ds, secrets, MANIFEST_SIGNING_KEY_SECRET);
}

/** The signing key if one exists: checking a signature never creates a key (none yet: nothing was ever signed). */
export function existingManifestKey(secrets: SecretsPort): Promise<Buffer | undefined> {
  return readGatewayKey(secrets, MANIFEST_SIGNING_KEY_SECRET);
}
