import type { EntityManager } from 'typeorm';
import { Asset } from '../database/entities';

/** Assets, always by id AND owning client (C-02, C-05). */
export class AssetRepository {
  findForClient(m: EntityManager, q: { id: string; clientId: string; agencyId?: string }): Promise<Asset | null> {
    return m.findOne(Asset, {
      where: { id: q.id, clientId: q.clientId, ...(q.agencyId ? { agencyId: q.agencyId } : {}) },
    });
  }
}
