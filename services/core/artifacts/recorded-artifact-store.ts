import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { mediaFacts } from '../media/media-facts';
import type { AuditService } from '../audit/audit.service';
import { Artifact } from '../database/entities/artifact.entity';
import { currentScope, runInTenantScope } from '../tenancy/tenant-scope';
import type { TenantScope } from '../tenancy/tenant-scope';
import type { ArtifactConfig } from './artifact-config';
import { ArtifactRejectedError } from './artifact.errors';
import { buildArtifactKey, keyOfClient } from './artifact-key';
import type { ArtifactRef, ArtifactStore, PutArtifactInput, SignedUrlOptions } from './artifact-store.port';
import { ARTIFACT_KINDS } from './artifact-store.port';
import type { ArtifactUrlSigner } from './artifact-url-signer';
import { classifyUpload } from './classify-upload';
import { CONTENT_TYPES } from './content-types';
import type { ObjectBackend } from './object-backend';

export interface RecordedArtifactStoreDeps {
  /** the app role's DataSource (RLS applies); scripts may pass the owner's */
  ds: DataSource;
  audit: AuditService;
  backend: ObjectBackend;
  signer: ArtifactUrlSigner;
  config: Pick<ArtifactConfig, 'publicUrl' | 'defaultUrlTtlSeconds' | 'maxUrlTtlSeconds' | 'maxBytes'>;
}

/** What the API's download route answers with. */
export interface ServedArtifact {
  bytes: Buffer;
  contentType: string;
  ref: ArtifactRef;
}

const putSchema = z.object({
  agencyId: z.string().uuid(),
  clientId: z.string().uuid(),
  kind: z.enum(ARTIFACT_KINDS),
  bytes: z.instanceof(Buffer),
  claimedContentType: z.string().max(200).optional(),
});
const refSchema = z.object({ key: z.string().max(200), clientId: z.string().uuid() });

/**
 * The artifact store over one backend (C-46, C-47): every object has a row naming its tenant and checksum; keys are
 * built here from ids and the content's sha256, never from a name; reads are checked against the row; signed URLs
 * carry an expiry Raize chose; storing, URL issuing and serving are appended to the audit trail.
 *
 * Database work runs in the caller's tenant scope when there is one (an operator's request: RLS then refuses
 * another client's rows even if a key was guessed), otherwise in a scope of the artifact's client alone.
 */
export class RecordedArtifactStore implements ArtifactStore {
  readonly backend: 'local' | 'minio';

  constructor(
    private readonly deps: RecordedArtifactStoreDeps,
    private readonly actor = 'system:artifact-store',
  ) {
    this.backend = deps.backend.name;
  }

  /** The same store, recording `actor` (`user:<id>`, `workflow:<id>`) in the audit trail. */
  as(actor: string): RecordedArtifactStore {
    return new RecordedArtifactStore(this.deps, actor);
  }

  async put(input: PutArtifactInput): Promise<ArtifactRef> {
    const parsed = putSchema.safeParse(input);
    if (!parsed.success)
      throw new ArtifactRejectedError('bad_key', 'an artifact needs agency and client uuids, a kind and bytes');
    const { agencyId, clientId, kind, bytes, claimedContentType } = parsed.data;
    const limit = this.deps.config.maxBytes[kind];
    if (bytes.length > limit)
      throw new ArtifactRejectedError('too_large', `a ${kind} artifact may be at most ${limit} bytes`);
    const contentType = classifyUpload(kind, bytes, claimedContentType);
    const checksum = sha256(bytes);
    const key = buildArtifactKey({ agencyId, clientId, kind, checksum, ext: CONTENT_TYPES[contentType] });
    const ref: ArtifactRef = { key, agencyId, clientId, kind, checksum, size: bytes.length, contentType };
    // The object first: a row never points at bytes that are not there. An object without a row (a crash between
    // the two) is unreachable, and the next put of the same content records it.
    await this.deps.backend.write(key, bytes, checksum, contentType);
    const facts = kind === 'image' || kind === 'video' ? await mediaFacts(bytes, contentType) : undefined;
    await this.inScope(clientId, () =>
      this.deps.ds.transaction(async (m) => {
        const inserted: unknown[] = await m.query(
          `INSERT INTO artifacts (agency_id, client_id, key, kind, checksum, size, content_type, width, height, duration_seconds)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (key) DO NOTHING RETURNING id`,
          [
            agencyId,
            clientId,
            key,
            kind,
            checksum,
            bytes.length,
            contentType,
            facts?.width ?? null,
            facts?.height ?? null,
            facts?.durationSeconds ?? null,
          ],
        );
        if (inserted.length) await this.record(ref, 'artifact.stored', { size: ref.size, contentType }, m);
      }),
    );
    return ref;
  }

  async get(ref: Pick<ArtifactRef, 'key' | 'clientId'>): Promise<Buffer> {
    const row = await this.row(ref);
    return this.readVerified(row);
  }

  async signedUrl(ref: Pick<ArtifactRef, 'key' | 'clientId'>, opts: SignedUrlOptions = {}): Promise<string> {
    const row = await this.row(ref);
    const ttl = this.ttl(opts.expiresInSeconds);
    const url = this.deps.backend.presignGet
      ? await this.deps.backend.presignGet(row.key, ttl, { size: row.size, checksum: row.checksum })
      : `${this.deps.config.publicUrl}/artifacts/${await this.deps.signer.sign(row.key, row.clientId, ttl)}`;
    await this.inScope(row.clientId, () =>
      this.record(refOf(row), 'artifact.url_signed', { expiresInSeconds: ttl, backend: this.backend }),
    );
    return url;
  }

  /** The download route's work: a valid, unexpired token's object, checksum verified, the access audited. */
  async serveToken(token: string, requester: { ip?: string } = {}): Promise<ServedArtifact> {
    const { key, clientId } = await this.deps.signer.verify(token);
    // The verified signature is the authority here (the request has no operator): the token's client scope alone.
    return runInTenantScope(this.deps.ds, clientOnly(clientId), async () => {
      const row = await this.row({ key, clientId });
      const bytes = await this.readVerified(row);
      const ref = refOf(row);
      await this.record(ref, 'artifact.served', { via: 'signed-url', ip: requester.ip });
      return { bytes, contentType: row.contentType, ref };
    });
  }

  private ttl(requested: number | undefined): number {
    const { defaultUrlTtlSeconds, maxUrlTtlSeconds } = this.deps.config;
    const t = requested ?? defaultUrlTtlSeconds;
    if (!Number.isInteger(t) || t < 1) throw new RangeError('expiresInSeconds must be a positive whole number');
    return Math.min(t, maxUrlTtlSeconds);
  }

  private async row(ref: Pick<ArtifactRef, 'key' | 'clientId'>): Promise<Artifact> {
    const r = refSchema.safeParse(ref);
    if (!r.success) throw new ArtifactRejectedError('bad_key', 'not an artifact key Raize issued');
    keyOfClient(r.data.key, r.data.clientId);
    const row = await this.inScope(r.data.clientId, () =>
      this.deps.ds.manager.findOne(Artifact, { where: { key: r.data.key, clientId: r.data.clientId } }),
    );
    if (!row) throw new ArtifactRejectedError('not_found', 'no such artifact');
    return row;
  }

  private async readVerified(row: Artifact): Promise<Buffer> {
    const bytes = await this.deps.backend.read(row.key, row.size);
    if (!bytes) throw new ArtifactRejectedError('not_found', 'the artifact is missing from the store');
    if (bytes.length !== row.size || sha256(bytes) !== row.checksum)
      throw new ArtifactRejectedError('checksum_mismatch', 'the stored object does not match its recorded checksum');
    return bytes;
  }

  private record(
    ref: ArtifactRef,
    action: 'artifact.stored' | 'artifact.url_signed' | 'artifact.served',
    data: Record<string, unknown>,
    m?: EntityManager,
  ) {
    return this.deps.audit.append(
      {
        agencyId: ref.agencyId,
        clientId: ref.clientId,
        actor: this.actor,
        action,
        subjectType: 'artifact',
        subjectId: ref.key,
        data: { kind: ref.kind, checksum: ref.checksum, ...data },
      },
      m,
    );
  }

  private inScope<T>(clientId: string, fn: () => Promise<T>): Promise<T> {
    // Never widen a scope the caller already has: inside an operator's request RLS decides with their scope.
    if (currentScope()) return fn();
    return runInTenantScope(this.deps.ds, clientOnly(clientId), fn);
  }
}

const clientOnly = (clientId: string): TenantScope => ({
  actorId: null,
  agencyIds: [],
  clientIds: [clientId],
  memberAgencyIds: [],
});

function refOf(row: Artifact): ArtifactRef {
  return {
    key: row.key,
    agencyId: row.agencyId,
    clientId: row.clientId,
    kind: row.kind,
    checksum: row.checksum,
    size: row.size,
    contentType: row.contentType,
  };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
