import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { BrowserProfile } from '../database/entities';

export interface ProfileRef {
  clientId: string;
  profileId: string;
}

/**
 * Browser profile rows. Every read names the client as well as the id, so a profile id from another client answers
 * like a missing one even where row-level security would let the scope see both (an agency-wide operator).
 */
export class BrowserProfileRepository {
  /** `lock`: FOR UPDATE, for a change decided on what was read (needs the caller's transaction). */
  byId(m: EntityManager, ref: ProfileRef, lock = false): Promise<BrowserProfile | null> {
    return m.findOne(BrowserProfile, {
      where: { id: ref.profileId, clientId: ref.clientId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  byAccount(
    m: EntityManager,
    q: { clientId: string; platformAccountId: string },
    lock = false,
  ): Promise<BrowserProfile | null> {
    return m.findOne(BrowserProfile, {
      where: { platformAccountId: q.platformAccountId, clientId: q.clientId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  listForClient(m: EntityManager, clientId: string): Promise<BrowserProfile[]> {
    return m.find(BrowserProfile, { where: { clientId }, order: { createdAt: 'ASC' } });
  }

  // The jsonb columns (manifest, last check) are free-form JSON, which TypeORM's deep-partial type cannot express.
  async insert(m: EntityManager, row: BrowserProfile): Promise<void> {
    await m.insert(BrowserProfile, row as QueryDeepPartialEntity<BrowserProfile>);
  }

  async update(m: EntityManager, ref: ProfileRef, patch: Partial<BrowserProfile>): Promise<void> {
    await m.update(
      BrowserProfile,
      { id: ref.profileId, clientId: ref.clientId },
      patch as QueryDeepPartialEntity<BrowserProfile>,
    );
  }

  async remove(m: EntityManager, ref: ProfileRef): Promise<boolean> {
    const r = await m.delete(BrowserProfile, { id: ref.profileId, clientId: ref.clientId });
    return (r.affected ?? 0) > 0;
  }
}
