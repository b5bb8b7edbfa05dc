import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { EmulatorClock } from '../kit/emulator-clock';
import type { EmulatedPost } from '../kit/platform-emulator';

/** The state behind the LinkedIn emulator: members, Pages and roles, media assets, posts, and the test knobs. */

export interface Member {
  sub: string;
  urn: string;
  givenName: string;
  familyName: string;
}

export interface Organization {
  id: string;
  urn: string;
  localizedName: string;
  vanityName: string;
}

export interface Acl {
  member: string;
  organization: string;
  role: string;
  state: 'APPROVED' | 'REQUESTED' | 'REVOKED';
}

export type AssetStatus = 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';

export interface Part {
  firstByte: number;
  lastByte: number;
  uploadId: string;
  etag?: string;
  bytes?: Buffer;
}

export interface Asset {
  urn: string;
  kind: 'image' | 'video';
  owner: string;
  status: AssetStatus;
  /** status GETs left answering PROCESSING once the bytes are in */
  processingPolls: number;
  /** image: one part; video: one per upload instruction */
  parts: Part[];
  fileSizeBytes?: number;
  uploadToken: string;
  bytes?: Buffer;
  contentType?: string;
  failReason?: string;
}

export interface StoredPost {
  id: string;
  author: string;
  /** as GET answers it (escapes kept, hashtags as templates) */
  commentary: string;
  plain: string;
  visibility: string;
  lifecycleState: string;
  feedDistribution: string;
  content?: { media?: { id: string }; multiImage?: { images: { id: string }[] } };
  createdAt: number;
  media: { contentType: string; sha256: string; size: number }[];
  truncated: boolean;
}

/** Videos API: multi-part uploads come in 4 MiB parts (4,194,304 bytes), the last one shorter. */
export const VIDEO_PART_BYTES = 4 * 1024 * 1024;

const digits = (n: number) =>
  Array.from({ length: n }, (_, i) => (i === 0 ? randomInt(1, 10) : randomInt(0, 10))).join('');
const assetId = () => `C4D${randomBytes(12).toString('base64url')}`;

export class LinkedInWorld {
  readonly members: Member[] = [];
  readonly organizations: Organization[] = [];
  readonly acls: Acl[] = [];
  readonly assets = new Map<string, Asset>();
  readonly posts: StoredPost[] = [];
  /** uploadId → asset URN and part index */
  readonly uploads = new Map<string, { urn: string; part: number }>();

  retired = new Set<string>();
  processing = { image: 0, video: 1 };
  videoPartBytes = VIDEO_PART_BYTES;
  /** the next asset of this kind ends PROCESSING_FAILED */
  failNext: 'image' | 'video' | null = null;
  /** initializeUpload hands out upload URLs on this origin instead of the emulator's */
  uploadOrigin: string | null = null;
  /** the app has programmatic refresh tokens (an approved partner) */
  refreshTokens = true;
  /** the author finder lists a post only this long after its creation (LinkedIn's index lags its writes) */
  finderLagMs = 0;

  constructor(private readonly clock: EmulatorClock) {
    const ada = this.addMember('Ada', 'Lovelace');
    const grace = this.addMember('Grace', 'Hopper');
    const acme = this.addOrganization('Acme Analytics', 'acme-analytics');
    const globex = this.addOrganization('Globex', 'globex');
    this.grantRole(ada.urn, acme.urn, 'ADMINISTRATOR');
    this.grantRole(grace.urn, globex.urn, 'CONTENT_ADMINISTRATOR');
    this.grantRole(grace.urn, acme.urn, 'ANALYST');
  }

  addMember(givenName: string, familyName: string): Member {
    const sub = `${givenName.toLowerCase()}-${randomBytes(5).toString('base64url')}`;
    const m = { sub, urn: `urn:li:person:${sub}`, givenName, familyName };
    this.members.push(m);
    return m;
  }

  addOrganization(localizedName: string, vanityName: string): Organization {
    const id = digits(8);
    const o = { id, urn: `urn:li:organization:${id}`, localizedName, vanityName };
    this.organizations.push(o);
    return o;
  }

  grantRole(member: string, organization: string, role: string, state: Acl['state'] = 'APPROVED'): void {
    this.acls.push({ member, organization, role, state });
  }

  revokeRoles(member: string, organization: string): void {
    for (const a of this.acls) if (a.member === member && a.organization === organization) a.state = 'REVOKED';
  }

  member(urn: string): Member | undefined {
    return this.members.find((m) => m.urn === urn);
  }

  organization(id: string): Organization | undefined {
    return this.organizations.find((o) => o.id === id);
  }

  /** Whether the member may act as the author: itself, or a Page it holds an approved role of `roles` on. */
  mayActAs(member: string, author: string, roles: Set<string>): boolean {
    if (author === member) return true;
    return this.acls.some(
      (a) => a.member === member && a.organization === author && a.state === 'APPROVED' && roles.has(a.role),
    );
  }

  newAsset(kind: Asset['kind'], owner: string, fileSizeBytes?: number): Asset {
    const urn = `urn:li:${kind}:${assetId()}`;
    const size = fileSizeBytes ?? 0;
    const parts: Part[] = [];
    if (kind === 'image') parts.push({ firstByte: 0, lastByte: -1, uploadId: randomBytes(16).toString('hex') });
    else
      for (let first = 0; first < size; first += this.videoPartBytes)
        parts.push({
          firstByte: first,
          lastByte: Math.min(size, first + this.videoPartBytes) - 1,
          uploadId: randomBytes(16).toString('hex'),
        });
    const asset: Asset = {
      urn,
      kind,
      owner,
      status: 'WAITING_UPLOAD',
      processingPolls: this.processing[kind],
      parts,
      fileSizeBytes,
      uploadToken: kind === 'video' && parts.length > 1 ? randomBytes(8).toString('hex') : '',
    };
    parts.forEach((p, i) => this.uploads.set(p.uploadId, { urn, part: i }));
    this.assets.set(urn, asset);
    return asset;
  }

  /** The bytes are in: processing starts, and ends AVAILABLE or PROCESSING_FAILED when the polls run out. */
  complete(asset: Asset, bytes: Buffer, contentType: string, problem: string | null): void {
    asset.bytes = bytes;
    asset.contentType = contentType;
    asset.status = 'PROCESSING';
    if (this.failNext === asset.kind) {
      this.failNext = null;
      asset.failReason = 'injected';
    } else if (problem) asset.failReason = problem;
  }

  /** One status GET: counts a poll off a processing asset. */
  poll(asset: Asset): Asset['status'] {
    if (asset.status === 'PROCESSING') {
      if (asset.processingPolls > 0) asset.processingPolls -= 1;
      else asset.status = asset.failReason ? 'PROCESSING_FAILED' : 'AVAILABLE';
    }
    return asset.status;
  }

  addPost(p: Omit<StoredPost, 'id' | 'createdAt'> & { createdAt?: number }, video: boolean): StoredPost {
    const post: StoredPost = {
      ...p,
      id: `urn:li:${video ? 'ugcPost' : 'share'}:${digits(19)}`,
      createdAt: p.createdAt ?? this.clock.now(),
    };
    this.posts.push(post);
    return post;
  }

  emulated(p: StoredPost): EmulatedPost {
    return {
      id: p.id,
      accountId: p.author,
      text: p.plain,
      media: p.media,
      createdAt: new Date(p.createdAt).toISOString(),
      extra: {
        commentary: p.commentary,
        visibility: p.visibility,
        lifecycleState: p.lifecycleState,
        feedDistribution: p.feedDistribution,
        truncated: p.truncated,
      },
    };
  }
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
