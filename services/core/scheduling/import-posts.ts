import { In, type DataSource, type QueryFailedError } from 'typeorm';
import type { ArtifactRef, ArtifactStore } from '../artifacts/artifact-store.port';
import type { AuditService } from '../audit/audit.service';
import { Asset, ImportBatch } from '../database/entities';
import type { ScheduledPublish, SchedulePublishInput } from '../publishing/schedule-publish';
import { assetChecksum } from '../util/asset-checksum';
import { csvSha256, planImport, type ImportPlan, type ImportPlanContext, type PlannedRow } from './import-plan';

export type ImportRefusalCode =
  'stale_dry_run' | 'rows_invalid' | 'already_imported' | 'media_failed' | 'schedule_failed';

/** Why an import created nothing (or undid what it created); the message is safe to show. */
export class ImportRefusedError extends Error {
  constructor(
    readonly code: ImportRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

export interface ImportDeps {
  /** the tenant-scoped data source */
  ds: DataSource;
  audit: AuditService;
  store: ArtifactStore;
  /** the media bytes behind a URL, through the guarded fetcher (C-35) */
  fetchMedia(url: string): Promise<{ bytes: Buffer; contentType?: string }>;
  /** schedulePublish with its dependencies bound: the one path every post takes */
  schedule(input: SchedulePublishInput): Promise<ScheduledPublish>;
  /** undoes posts already scheduled when a later one of the batch cannot be (cancel through their workflows) */
  unschedule(jobIds: string[]): Promise<void>;
}

export interface ImportRequest {
  client: { id: string; agencyId: string; timezone: string };
  actorId: string;
  csv: string;
  /** the digest the dry run returned */
  dryRunDigest: string;
  ctx: ImportPlanContext;
}

export interface ImportResult {
  batchId: string;
  postIds: string[];
  plan: ImportPlan;
}

/**
 * Carries out a dry run, all or nothing. Nothing is written unless the plan recomputed now is the one the operator
 * saw (same CSV, same accounts and instants: the digest) and no row has an error. Then: media fetched through the
 * guarded fetcher into the artifact store (C-35, C-47) before any row is written; the assets in one transaction;
 * each occurrence scheduled through schedulePublish (C-22, C-23); if one cannot be, the posts already scheduled are
 * cancelled again and the batch is recorded as failed. The batch row makes a second import of the same dry run a
 * refusal, not a second set of posts. One audit event records the batch (C-48).
 */
export async function importPosts(deps: ImportDeps, req: ImportRequest): Promise<ImportResult> {
  const plan = await planImport(req.csv, req.ctx);
  // Before the digest: once imported, the plan recomputed now differs (its posts hold their slots), and "already
  // imported" is the answer that helps, not "changed since the dry run".
  await refuseIfImported(deps, req.client.id, req.dryRunDigest);
  if (plan.digest !== req.dryRunDigest)
    throw new ImportRefusedError(
      'stale_dry_run',
      'the CSV, or what it resolves to (accounts, free slots, dates), changed since the dry run; run the dry run again',
    );
  const bad = plan.rows.filter((r) => r.errors.length);
  if (bad.length)
    throw new ImportRefusedError(
      'rows_invalid',
      `${bad.length} row(s) have errors (lines ${bad
        .map((r) => r.line)
        .slice(0, 10)
        .join(', ')}); nothing was imported`,
    );

  const batch = await openBatch(deps, req, plan);
  const actor = `user:${req.actorId}`;
  const fail = async (code: ImportRefusalCode, message: string, jobIds: string[] = []): Promise<never> => {
    await finishBatch(deps, req, batch.id, 'failed', jobIds, message, plan);
    throw new ImportRefusedError(code, message);
  };

  let media: Map<string, ArtifactRef>;
  try {
    media = await storeMedia(deps, req, plan);
  } catch (err) {
    return fail('media_failed', `a media URL could not be imported: ${(err as Error).message}; nothing was scheduled`);
  }

  const assets = await deps.ds.transaction(async (m) => {
    const out = new Map<PlannedRow, Asset>();
    for (const row of plan.rows) {
      const ref = row.mediaUrls.length ? media.get(row.mediaUrls[0]) : undefined;
      const content = { text: row.text, mediaKey: ref?.key ?? null, mediaContentType: ref?.contentType ?? null };
      const asset = await m.save(
        Asset,
        m.create(Asset, {
          agencyId: req.client.agencyId,
          clientId: req.client.id,
          kind: ref ? (ref.contentType.startsWith('video/') ? 'video' : 'image') : 'text',
          ...content,
          checksum: assetChecksum(content),
          authorId: req.actorId,
          authorKind: 'human',
        }),
      );
      await deps.audit.append(
        {
          agencyId: req.client.agencyId,
          clientId: req.client.id,
          actor,
          action: 'asset.created',
          subjectType: 'asset',
          subjectId: asset.id,
          data: { checksum: asset.checksum, source: 'import', batchId: batch.id, line: row.line },
        },
        m,
      );
      out.set(row, asset);
    }
    return out;
  });

  const jobIds: string[] = [];
  for (const row of plan.rows) {
    for (const o of row.occurrences) {
      try {
        const s = await deps.schedule({
          agencyId: req.client.agencyId,
          clientId: req.client.id,
          platformAccountId: o.accountId,
          assetId: assets.get(row)!.id,
          scheduledAt: o.at,
          timezone: req.client.timezone,
          actorId: req.actorId,
          source: 'import',
        });
        jobIds.push(s.jobId);
      } catch (err) {
        // Best effort: a post that cannot be cancelled now (the scheduler is down) shows in the batch's record.
        await deps.unschedule(jobIds).catch(() => undefined);
        return fail(
          'schedule_failed',
          `line ${row.line} could not be scheduled (${(err as Error).message}); the ${jobIds.length} post(s) scheduled before it were cancelled`,
          jobIds,
        );
      }
    }
  }
  await finishBatch(deps, req, batch.id, 'completed', jobIds, null, plan);
  return { batchId: batch.id, postIds: jobIds, plan };
}

async function refuseIfImported(deps: ImportDeps, clientId: string, digest: string): Promise<void> {
  const prior = await deps.ds
    .getRepository(ImportBatch)
    .findOne({ where: { clientId, digest, status: In(['running', 'completed']) } });
  if (prior)
    throw new ImportRefusedError(
      'already_imported',
      `this dry run was already imported (batch ${prior.id}, ${prior.status})`,
    );
}

async function openBatch(deps: ImportDeps, req: ImportRequest, plan: ImportPlan): Promise<ImportBatch> {
  try {
    return await deps.ds.transaction((m) =>
      m.save(
        ImportBatch,
        m.create(ImportBatch, {
          agencyId: req.client.agencyId,
          clientId: req.client.id,
          digest: plan.digest,
          status: 'running',
          rowCount: plan.rows.length,
          postIds: [],
          error: null,
          createdBy: req.actorId,
          finishedAt: null,
        }),
      ),
    );
  } catch (err) {
    if ((err as QueryFailedError & { code?: string }).code !== '23505') throw err;
    const prior = await deps.ds
      .getRepository(ImportBatch)
      .findOne({ where: { clientId: req.client.id, digest: plan.digest }, order: { createdAt: 'DESC' } });
    throw new ImportRefusedError(
      'already_imported',
      `this dry run was already imported (batch ${prior?.id ?? 'in progress'}, ${prior?.status ?? 'running'})`,
    );
  }
}

async function finishBatch(
  deps: ImportDeps,
  req: ImportRequest,
  batchId: string,
  status: 'completed' | 'failed',
  postIds: string[],
  error: string | null,
  plan: ImportPlan,
): Promise<void> {
  await deps.ds.transaction(async (m) => {
    await m.update(
      ImportBatch,
      { id: batchId, clientId: req.client.id },
      { status, postIds, error, finishedAt: new Date() },
    );
    await deps.audit.append(
      {
        agencyId: req.client.agencyId,
        clientId: req.client.id,
        actor: `user:${req.actorId}`,
        action: status === 'completed' ? 'import.completed' : 'import.failed',
        subjectType: 'import_batch',
        subjectId: batchId,
        data: {
          digest: plan.digest,
          csvSha256: csvSha256(req.csv),
          rows: plan.rows.length,
          posts: postIds.length,
          postIds,
          ...(error ? { error } : {}),
        },
      },
      m,
    );
  });
}

async function storeMedia(deps: ImportDeps, req: ImportRequest, plan: ImportPlan): Promise<Map<string, ArtifactRef>> {
  const out = new Map<string, ArtifactRef>();
  for (const url of new Set(plan.rows.flatMap((r) => r.mediaUrls))) {
    const { bytes, contentType } = await deps.fetchMedia(url);
    const claimed = contentType?.split(';')[0].trim().toLowerCase();
    const kind = claimed?.startsWith('video/') ? 'video' : 'image';
    const ref = await deps.store.put({
      agencyId: req.client.agencyId,
      clientId: req.client.id,
      kind,
      bytes,
      claimedContentType: claimed,
    });
    if (!/^(image|video)\//.test(ref.contentType))
      throw new Error(`the media is ${ref.contentType}, not an image or video`);
    out.set(url, ref);
  }
  return out;
}
