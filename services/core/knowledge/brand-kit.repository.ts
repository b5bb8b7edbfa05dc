import type { EntityManager } from 'typeorm';
import { BrandKit, Client } from '../database/entities';
import type { BrandKitPatch } from './brand-kit.schema';

/** A client's brand kit as planning and creation read it; a client without one gets its name and empty rules. */
export interface BrandKitView {
  clientId: string;
  name: string;
  headline: string;
  voice: string;
  doWords: string[];
  dontWords: string[];
  bannedClaims: string[];
  hashtags: string[];
  /** `#rrggbb`, lower case */
  colours: string[];
  logoArtifactKey: string | null;
  /** false until an operator saved the kit once */
  configured: boolean;
  updatedAt: Date | null;
}

export class BrandKitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrandKitError';
  }
}

/** Brand kits, one per client. Callers run inside the client's tenant scope (C-01); queries name the client too. */
export class BrandKitRepository {
  async view(m: EntityManager, clientId: string): Promise<BrandKitView | null> {
    const kit = await m.findOne(BrandKit, { where: { clientId } });
    if (kit) return toView(kit);
    const client = await m.findOne(Client, { select: { id: true, name: true }, where: { id: clientId } });
    return client ? defaultView(client) : null;
  }

  /**
   * Applies a validated patch (brandKitPatchSchema) and returns the kit before and after; the row is locked for
   * the change so two editors do not interleave. The logo must be an image key under this client's prefix in the
   * artifact store: a key of another tenant would otherwise let a kit point at their files.
   */
  async update(
    m: EntityManager,
    client: Pick<Client, 'id' | 'agencyId' | 'name'>,
    patch: BrandKitPatch,
    actorId: string,
  ): Promise<{ before: BrandKitView; after: BrandKitView }> {
    if (patch.logoArtifactKey && !patch.logoArtifactKey.startsWith(`${client.agencyId}/${client.id}/image/`)) {
      throw new BrandKitError("logoArtifactKey is not an image of this client's artifact store");
    }
    const existing = await m.findOne(BrandKit, { where: { clientId: client.id }, lock: { mode: 'pessimistic_write' } });
    const before = existing ? toView(existing) : defaultView(client);
    const row =
      existing ??
      m.create(BrandKit, {
        clientId: client.id,
        agencyId: client.agencyId,
        name: before.name.slice(0, 200),
        headline: '',
        voice: '',
        doWords: [],
        dontWords: [],
        bannedClaims: [],
        hashtags: [],
        colours: [],
        logoArtifactKey: null,
      });
    for (const key of Object.keys(patch) as (keyof BrandKitPatch)[]) {
      if (patch[key] !== undefined) (row as unknown as Record<string, unknown>)[key] = patch[key];
    }
    row.updatedBy = actorId;
    const saved = await m.save(BrandKit, row);
    return { before, after: toView(saved) };
  }
}

function toView(k: BrandKit): BrandKitView {
  return {
    clientId: k.clientId,
    name: k.name,
    headline: k.headline,
    voice: k.voice,
    doWords: k.doWords,
    dontWords: k.dontWords,
    bannedClaims: k.bannedClaims,
    hashtags: k.hashtags,
    colours: k.colours,
    logoArtifactKey: k.logoArtifactKey,
    configured: true,
    updatedAt: k.updatedAt,
  };
}

function defaultView(client: Pick<Client, 'id' | 'name'>): BrandKitView {
  return {
    clientId: client.id,
    name: client.name,
    headline: '',
    voice: '',
    doWords: [],
    dontWords: [],
    bannedClaims: [],
    hashtags: [],
    colours: [],
    logoArtifactKey: null,
    configured: false,
    updatedAt: null,
  };
}
