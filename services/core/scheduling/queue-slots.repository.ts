import type { EntityManager } from 'typeorm';
import { QueueSlot } from '../database/entities';

export interface NewQueueSlot {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  weekday: number;
  minuteOfDay: number;
  createdBy: string;
}

/** Queue slots, always by client as well as by id (C-05); the caller checks the actor's permission first. */
export class QueueSlotsRepository {
  list(m: EntityManager, q: { clientId: string; platformAccountId?: string }): Promise<QueueSlot[]> {
    return m.find(QueueSlot, {
      where: { clientId: q.clientId, ...(q.platformAccountId ? { platformAccountId: q.platformAccountId } : {}) },
      order: { platformAccountId: 'ASC', weekday: 'ASC', minuteOfDay: 'ASC' },
    });
  }

  find(m: EntityManager, q: { id: string; clientId?: string }): Promise<QueueSlot | null> {
    return m.findOne(QueueSlot, { where: { id: q.id, ...(q.clientId ? { clientId: q.clientId } : {}) } });
  }

  /** The slot as it is after the call: an existing one at the same weekday and minute is returned, not doubled. */
  async create(m: EntityManager, s: NewQueueSlot): Promise<{ slot: QueueSlot; created: boolean }> {
    const existing = await m.findOne(QueueSlot, {
      where: {
        platformAccountId: s.platformAccountId,
        weekday: s.weekday,
        minuteOfDay: s.minuteOfDay,
        clientId: s.clientId,
      },
    });
    if (existing) return { slot: existing, created: false };
    return { slot: await m.save(QueueSlot, m.create(QueueSlot, s)), created: true };
  }

  async delete(m: EntityManager, q: { id: string; clientId: string }): Promise<boolean> {
    const res = await m.delete(QueueSlot, { id: q.id, clientId: q.clientId });
    return (res.affected ?? 0) > 0;
  }
}
