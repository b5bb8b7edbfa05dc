import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { ArtifactStore } from '../../../core/artifacts/artifact-store.port';
import { AuditService } from '../../../core/audit/audit.service';
import { Asset, PlanItem } from '../../../core/database/entities';
import {
  CreationDecisionRepository,
  creationDecisionContext,
  itemAuthors,
} from '../../../core/creation/creation-decision.repository';
import { creationDecisionRefusal } from '../../../core/creation/creation-decision.rules';
import { platformPreview } from '../../../core/creation/platform-preview';
import { decodeCursor, reviewQueuePage } from '../../../core/creation/review-queue.repository';
import { recordAssetRevision } from '../../../core/repositories/content-authors.repository';
import { effectiveRole } from '../../../core/tenancy/effective-role';
import { logger } from '../../../core/telemetry/logger';
import { assetChecksum } from '../../../core/util/asset-checksum';
import { creationItemWorkflowId, reviewItemUpdate } from '../../../../workflows/contracts/creation.contract';
import type { CreationDecisionKind } from '../../../../workflows/contracts/vocabulary/creation-status';
import { REVIEWABLE_CREATION_STATUSES } from '../../../../workflows/contracts/vocabulary/creation-status';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import type { Permission } from '../../auth/permissions';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { ApproveItemInput, EditItemTextInput, RejectItemInput, RequestItemChangesInput } from './dtos/review.inputs';
import { REVIEW_ARTIFACTS } from './review.tokens';
import { ReviewItemModel, ReviewQueueModel } from './review-item.model';
import { reviewError, reviewUpdateError } from './review-outcome';

// An operator waits on the answer: long enough for the verifying activity and a retry of it.
const DECIDE_DEADLINE_MS = 15_000;
// Previews are looked at now; a link that outlives the page is a leak (C-46).
const MEDIA_URL_SECONDS = 120;

/** The review queue: created items that wait for a human, and the decisions on them (C-21, C-23). */
@Injectable()
export class ReviewService {
  private readonly decisions = new CreationDecisionRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(REVIEW_ARTIFACTS) private readonly artifacts: ArtifactStore,
    private readonly access: AccessService,
  ) {}

  async queue(actor: Actor, clientId: string, first: number, after?: string): Promise<ReviewQueueModel> {
    await this.access.requireClient(actor, clientId, 'client.read');
    const cursor = after ? decodeCursor(after) : null;
    if (after && !cursor) throw new AppError(AppErrorCode.BadInput, 'after: not a cursor this queue gave');
    const page = await reviewQueuePage(this.ds.manager, { clientId, first, after: cursor });
    const items: ReviewItemModel[] = [];
    // In turn: the request's scope is one connection.
    for (const { item, asset } of page.items) items.push(await this.toModel(item, asset));
    return { items, endCursor: page.endCursor };
  }

  async item(actor: Actor, itemId: string): Promise<ReviewItemModel> {
    const item = await this.loadVisible(actor, itemId, 'client.read');
    return this.toModel(item, await this.assetOf(item));
  }

  async approve(actor: Actor, input: ApproveItemInput): Promise<ReviewItemModel> {
    return this.decide(actor, input.itemId, { kind: 'approve', assetChecksum: input.assetChecksum });
  }

  async requestChanges(actor: Actor, input: RequestItemChangesInput): Promise<ReviewItemModel> {
    return this.decide(actor, input.itemId, { kind: 'request_changes', note: input.feedback });
  }

  async reject(actor: Actor, input: RejectItemInput): Promise<ReviewItemModel> {
    return this.decide(actor, input.itemId, { kind: 'reject', note: input.reason });
  }

  /**
   * A hand edit: a new revision of the item's asset attributed to the editor (who is an author from now on, C-21),
   * recorded as an `edit` decision in the same transaction; the episode runs the content policy again and returns
   * the item to review. The new checksum voids every approval of the old text (C-23).
   */
  async editText(actor: Actor, input: EditItemTextInput): Promise<ReviewItemModel> {
    const item = await this.loadVisible(actor, input.itemId, 'asset.write');
    this.requireReviewable(item);
    if (!item.assetId) throw new AppError(AppErrorCode.Conflict, 'the item has no content to edit yet');
    const decisionId = await this.ds.transaction(async (m) => {
      const asset = await m.findOne(Asset, {
        where: { id: item.assetId!, clientId: item.clientId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!asset) throw notFound('asset');
      const role = await effectiveRole(m, actor.userId, item.agencyId, item.clientId);
      const refused = creationDecisionRefusal(
        { kind: 'edit', actorId: actor.userId, role },
        await creationDecisionContext(m, item, asset.id),
      );
      if (refused) throw reviewError(refused);
      const before = asset.checksum;
      asset.text = input.text;
      asset.checksum = assetChecksum(asset);
      const saved = await m.save(Asset, asset);
      await recordAssetRevision(m, saved, actor.userId);
      await this.audit.append(
        {
          agencyId: item.agencyId,
          clientId: item.clientId,
          actor: `user:${actor.userId}`,
          action: 'asset.updated',
          subjectType: 'asset',
          subjectId: asset.id,
          data: { before, after: saved.checksum, itemId: item.id },
        },
        m,
      );
      const d = await this.decisions.record(m, item, {
        kind: 'edit',
        actorId: actor.userId,
        role: role!,
        assetId: asset.id,
        assetChecksum: saved.checksum,
      });
      return d.id;
    });
    await this.send(item, decisionId);
    return this.item(actor, item.id);
  }

  /**
   * Checks a decision by the rules the episode's activity applies again (the actor's role now; for an approval
   * four eyes over the plan's creator and every editor, and the checksum the reviewer saw), records it, and sends
   * the episode only its id (C-21).
   */
  private async decide(
    actor: Actor,
    itemId: string,
    d: { kind: Exclude<CreationDecisionKind, 'edit'>; assetChecksum?: string; note?: string },
  ): Promise<ReviewItemModel> {
    const item = await this.loadVisible(actor, itemId, 'item.review');
    this.requireReviewable(item);
    const decisionId = await this.ds.transaction(async (m) => {
      const role = await effectiveRole(m, actor.userId, item.agencyId, item.clientId);
      const ctx = await creationDecisionContext(m, item, item.assetId);
      const refused = creationDecisionRefusal(
        { kind: d.kind, actorId: actor.userId, role, assetChecksum: d.assetChecksum },
        ctx,
      );
      if (refused) throw reviewError(refused);
      const saved = await this.decisions.record(m, item, {
        kind: d.kind,
        actorId: actor.userId,
        role: role!,
        assetId: item.assetId,
        assetChecksum: d.assetChecksum,
        note: d.note,
      });
      return saved.id;
    });
    await this.send(item, decisionId);
    return this.item(actor, item.id);
  }

  private async send(item: PlanItem, decisionId: string): Promise<void> {
    const workflowId = item.workflowId ?? creationItemWorkflowId(item.clientId, item.id);
    const result = await this.temporal.connection
      .withDeadline(Date.now() + DECIDE_DEADLINE_MS, () =>
        this.temporal.workflow.getHandle(workflowId).executeUpdate(reviewItemUpdate, { args: [{ decisionId }] }),
      )
      .catch((err: unknown) => {
        throw reviewUpdateError(err) ?? err;
      });
    if (!result.accepted) throw reviewError(result);
  }

  private requireReviewable(item: PlanItem): void {
    if (!REVIEWABLE_CREATION_STATUSES.includes(item.status as never))
      throw new AppError(AppErrorCode.Conflict, `the item is ${item.status}; it does not wait for a decision`);
  }

  /** Loads an item only through a client the actor may see: another tenant's id answers "not found" (C-02). */
  private async loadVisible(actor: Actor, itemId: string, permission: Permission): Promise<PlanItem> {
    const item = await this.ds.getRepository(PlanItem).findOne({ where: { id: itemId } });
    if (!item) throw notFound('item');
    try {
      await this.access.requireClient(actor, item.clientId, permission);
    } catch (err) {
      if (err instanceof AppError && err.code === AppErrorCode.NotFound) throw notFound('item');
      throw err;
    }
    return item;
  }

  private assetOf(item: PlanItem): Promise<Asset | null> {
    return item.assetId
      ? this.ds.getRepository(Asset).findOne({ where: { id: item.assetId, clientId: item.clientId } })
      : Promise.resolve(null);
  }

  private async toModel(item: PlanItem, asset: Asset | null): Promise<ReviewItemModel> {
    return {
      id: item.id,
      planId: item.planId,
      clientId: item.clientId,
      platformAccountId: item.platformAccountId,
      platform: item.platform,
      format: item.format,
      pillar: item.pillar,
      brief: item.brief,
      slotAt: item.slotAt,
      timezone: item.timezone,
      status: item.status,
      reasons: item.reasons.map((r) => ({ code: r.code, message: r.message })),
      revision: item.revision,
      asset: asset
        ? {
            id: asset.id,
            kind: asset.kind,
            text: asset.text,
            checksum: asset.checksum,
            authorKind: asset.authorKind,
            mediaContentType: asset.mediaContentType,
            mediaUrl: await this.mediaUrl(asset),
          }
        : null,
      preview: asset ? platformPreview(item.platform, asset.text) : null,
      previews: asset
        ? [...new Set([item.platform, ...(item.crossPosts ?? []).map((c) => c.platform)])].map((p) =>
            platformPreview(p, asset.text),
          )
        : [],
      crossPostAccountIds: (item.crossPosts ?? []).map((c) => c.platformAccountId),
      authorIds: await itemAuthors(this.ds.manager, item, asset),
      publishJobIds: item.publishJobIds,
    };
  }

  private async mediaUrl(asset: Asset): Promise<string | null> {
    if (!asset.mediaKey) return null;
    try {
      return await this.artifacts.signedUrl(
        { key: asset.mediaKey, clientId: asset.clientId },
        { expiresInSeconds: MEDIA_URL_SECONDS },
      );
    } catch (err) {
      // A preview without its picture beats no queue at all; the operator sees the text and the reasons.
      logger.warn({ 'raize.asset_id': asset.id, 'error.kind': (err as Error).name }, 'no signed URL for a preview');
      return null;
    }
  }
}
