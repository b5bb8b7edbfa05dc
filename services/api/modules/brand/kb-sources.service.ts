import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { KbSource } from '../../../core/database/entities';
import { describeZodError } from '../../../core/knowledge/brand-kit.schema';
import type { KbIngestDeps } from '../../../core/knowledge/kb-ingest';
import { KnowledgeInputError, prepareKbSource } from '../../../core/knowledge/kb-ingest';
import { kbSourceInputSchema } from '../../../core/knowledge/kb-source-input';
import { KnowledgeRepository } from '../../../core/knowledge/knowledge.repository';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import { AddKbSourceInput } from './dtos/add-kb-source.input';
import { KbSourceModel } from './kb-source.model';

/** What the knowledge base's URL sources are fetched with; the deployment's environment by default. */
export const KB_INGEST_DEPS = Symbol('KB_INGEST_DEPS');

@Injectable()
export class KbSourcesService {
  private readonly knowledge = new KnowledgeRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(KB_INGEST_DEPS) private readonly ingestDeps: KbIngestDeps,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, clientId: string): Promise<KbSourceModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    return this.knowledge.list(this.ds.manager, clientId);
  }

  /**
   * Reads the source (a URL only through the guarded fetcher, C-35) before anything is written: a refused or
   * failed fetch, an unsupported type or an oversize text answers BAD_USER_INPUT with the reason and stores
   * nothing. The source, its chunks and the audit event commit together.
   */
  async add(actor: Actor, input: AddKbSourceInput): Promise<KbSourceModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'brand.update');
    const parsed = kbSourceInputSchema.safeParse(sourceInput(input));
    if (!parsed.success) throw new AppError(AppErrorCode.BadInput, `invalid source: ${describeZodError(parsed.error)}`);
    let prepared: Awaited<ReturnType<typeof prepareKbSource>>;
    try {
      // A fetch can take seconds: the request's pooled connection goes back meanwhile (C-10).
      prepared = await withoutDatabaseConnection(() => prepareKbSource(parsed.data, this.ingestDeps));
    } catch (err) {
      if (err instanceof KnowledgeInputError) {
        throw new AppError(AppErrorCode.BadInput, `${err.message} [${err.fetchReason ?? err.code}]`);
      }
      throw err;
    }
    return this.ds.transaction(async (m) => {
      const source = await this.knowledge.add(
        m,
        { agencyId: client.agencyId, clientId: client.id },
        prepared,
        actor.userId,
      );
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'kb_source.added',
          subjectType: 'kb_source',
          subjectId: source.id,
          data: {
            kind: source.kind,
            contentSha256: source.contentSha256,
            byteSize: source.byteSize,
            chunkCount: source.chunkCount,
          },
        },
        m,
      );
      return source;
    });
  }

  /** Another tenant's source answers exactly like one that does not exist (C-02). */
  async remove(actor: Actor, sourceId: string): Promise<KbSourceModel> {
    const found = await this.ds.getRepository(KbSource).findOne({ where: { id: sourceId } });
    if (!found || found.removedAt) throw notFound('knowledge source');
    let client: Awaited<ReturnType<AccessService['requireClient']>>['client'];
    try {
      ({ client } = await this.access.requireClient(actor, found.clientId, 'brand.update'));
    } catch (err) {
      if (err instanceof AppError && err.code === AppErrorCode.NotFound) throw notFound('knowledge source');
      throw err;
    }
    return this.ds.transaction(async (m) => {
      const removed = await this.knowledge.remove(m, client.id, sourceId, actor.userId);
      if (!removed) throw notFound('knowledge source');
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'kb_source.removed',
          subjectType: 'kb_source',
          subjectId: removed.id,
          data: { kind: removed.kind, contentSha256: removed.contentSha256 },
        },
        m,
      );
      return removed;
    });
  }
}

/** The GraphQL input's fields for its kind only: a stray field of another kind is refused by the strict schema. */
function sourceInput(input: AddKbSourceInput): Record<string, unknown> {
  const { clientId: _clientId, ...rest } = input;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
}
