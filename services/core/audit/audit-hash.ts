import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../util/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  chainKey: string;
  seq: string;
  agencyId: string | null;
  clientId: string | null;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  createdAt: string;
  /** hashed only when set, so rows written before correlation ids existed keep their hashes */
  correlationId?: string;
}

/** The hashed form of a row's correlation id: present when the row has one, absent otherwise. */
export function correlationField(id: string | null | undefined): { correlationId?: string } {
  return id ? { correlationId: id } : {};
}

/**
 * HMAC-SHA256 under the chain key of the secrets backend (C-48): whoever can rewrite rows in the database but
 * cannot read the key cannot recompute a hash that verifies. Without a key: the plain SHA-256 of rows written
 * before the chain was keyed (legacy rows, verified only up to the seq the chain's checkpoint names).
 */
export function auditHash(prevHash: string, f: HashedFields, key?: Buffer): string {
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prevHash).update('\n').update(canonicalJson(f)).digest('hex');
}

/** One chain per client; agency-wide and global events get chains of their own. */
export function chainKeyFor(agencyId: string | null, clientId: string | null): string {
  if (clientId) return `client:${clientId}`;
  if (agencyId) return `agency:${agencyId}`;
  return 'global';
}
