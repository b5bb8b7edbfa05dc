import { createHash } from 'node:crypto';
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
}

export function auditHash(prevHash: string, f: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(f)).digest('hex');
}

/** One chain per client; agency-wide and global events get chains of their own. */
export function chainKeyFor(agencyId: string | null, clientId: string | null): string {
  if (clientId) return `client:${clientId}`;
  if (agencyId) return `agency:${agencyId}`;
  return 'global';
}
