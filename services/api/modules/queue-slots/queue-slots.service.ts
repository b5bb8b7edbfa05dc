import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { PlatformAccount, QueueSlot } from '../../../core/database/entities';
import { nextFreeSlots } from '../../../core/scheduling/next-free-slots';
import { QueueSlotsRepository } from '../../../core/scheduling/queue-slots.repository';
import { formatMinuteOfDay, parseMinuteOfDay } from '../../../core/scheduling/slot-instants';
import { Actor } from '../../auth/actor';
import { AccessService, ClientAccess } from '../../auth/access.service';
import { notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import {
  CreateQueueSlotInput,
  DeleteQueueSlotInput,
  NextFreeSlotsArgs,
  QueueSlotsArgs,
  UpdateQueueSlotInput,
} from './dtos/queue-slot.inputs';
import { QueueSlotModel } from './queue-slot.model';

/** Queue slots: posting times per account that `next` rows of an import, and created items, fill. */
@Injectable()
export class QueueSlotsService {
  private readonly slots = new QueueSlotsRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, args: QueueSlotsArgs): Promise<QueueSlotModel[]> {
    const { client } = await this.access.requireClient(actor, args.clientId, 'client.read');
    const rows = await this.slots.list(this.ds.manager, {
      clientId: client.id,
      platformAccountId: args.platformAccountId,
    });
    return rows.map(toModel);
  }

  async nextFree(actor: Actor, args: NextFreeSlotsArgs): Promise<Date[]> {
    const { client } = await this.access.requireClient(actor, args.clientId, 'client.read');
    await this.account(this.ds.manager, client, args.platformAccountId);
    return nextFreeSlots(this.ds.manager, {
      clientId: client.id,
      accountId: args.platformAccountId,
      after: new Date(),
      count: args.count,
      timezone: client.timezone,
    });
  }

  async create(actor: Actor, input: CreateQueueSlotInput): Promise<QueueSlotModel> {
    const access = await this.access.requireClient(actor, input.clientId, 'post.schedule');
    return this.ds.transaction(async (m) => {
      await this.account(m, access.client, input.platformAccountId);
      return toModel(await this.add(m, actor, access, input.platformAccountId, input.weekday, input.time));
    });
  }

  /** A slot moved to another weekday or time: the old one removed and the new one added, in one transaction. */
  async update(actor: Actor, input: UpdateQueueSlotInput): Promise<QueueSlotModel> {
    const access = await this.access.requireClient(actor, input.clientId, 'post.schedule');
    return this.ds.transaction(async (m) => {
      const old = await this.slots.find(m, { id: input.slotId, clientId: access.client.id });
      if (!old) throw notFound('queue slot');
      await this.remove(m, actor, access, old);
      return toModel(await this.add(m, actor, access, old.platformAccountId, input.weekday, input.time));
    });
  }

  async delete(actor: Actor, input: DeleteQueueSlotInput): Promise<boolean> {
    const access = await this.access.requireClient(actor, input.clientId, 'post.schedule');
    return this.ds.transaction(async (m) => {
      const slot = await this.slots.find(m, { id: input.slotId, clientId: access.client.id });
      if (!slot) throw notFound('queue slot');
      await this.remove(m, actor, access, slot);
      return true;
    });
  }

  /** Another tenant's account answers like a missing one (C-02). */
  private async account(m: EntityManager, client: ClientAccess['client'], accountId: string): Promise<PlatformAccount> {
    const account = await m.findOne(PlatformAccount, { where: { id: accountId, clientId: client.id } });
    if (!account) throw notFound('platform account');
    return account;
  }

  private async add(
    m: EntityManager,
    actor: Actor,
    { client }: ClientAccess,
    platformAccountId: string,
    weekday: number,
    time: string,
  ): Promise<QueueSlot> {
    const { slot, created } = await this.slots.create(m, {
      agencyId: client.agencyId,
      clientId: client.id,
      platformAccountId,
      weekday,
      minuteOfDay: parseMinuteOfDay(time)!,
      createdBy: actor.userId,
    });
    if (created)
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'queue_slot.created',
          subjectType: 'queue_slot',
          subjectId: slot.id,
          data: { platformAccountId, weekday, time },
        },
        m,
      );
    return slot;
  }

  private async remove(m: EntityManager, actor: Actor, { client }: ClientAccess, slot: QueueSlot): Promise<void> {
    await this.slots.delete(m, { id: slot.id, clientId: client.id });
    await this.audit.append(
      {
        agencyId: client.agencyId,
        clientId: client.id,
        actor: `user:${actor.userId}`,
        action: 'queue_slot.deleted',
        subjectType: 'queue_slot',
        subjectId: slot.id,
        data: {
          platformAccountId: slot.platformAccountId,
          weekday: slot.weekday,
          time: formatMinuteOfDay(slot.minuteOfDay),
        },
      },
      m,
    );
  }
}

function toModel(s: QueueSlot): QueueSlotModel {
  return {
    id: s.id,
    clientId: s.clientId,
    platformAccountId: s.platformAccountId,
    weekday: s.weekday,
    time: formatMinuteOfDay(s.minuteOfDay),
    createdAt: s.createdAt,
  };
}
