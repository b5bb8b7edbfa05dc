import type { ArtifactStore } from '../../../services/core/artifacts/artifact-store.port';
import type { BrowserProof, PagePost, PageProof } from '../../../services/core/browser/browser-driver.port';
import type { PlatformPost } from '../../../services/core/connectors/connector.types';

/**
 * Keeps each page step's proof in the artifact store as it happens (C-44), so the kernel's final transaction only
 * records keys. The DOM snapshot is stored as text/plain: captured markup is never served as a page of ours.
 */
export class ProofRecorder {
  private readonly steps: BrowserProof['steps'] = [];

  constructor(
    private readonly artifacts: ArtifactStore | undefined,
    private readonly tenant: { agencyId: string; clientId: string },
    private readonly selectorMapVersion: string,
  ) {}

  async keep(proofs: (PageProof | null)[]): Promise<void> {
    if (!this.artifacts) return;
    for (const p of proofs) {
      if (!p) continue;
      const shot = await this.artifacts.put({ ...this.tenant, kind: 'proof', bytes: p.screenshotPng });
      const dom = await this.artifacts.put({
        ...this.tenant,
        kind: 'proof',
        bytes: Buffer.from(p.domHtml, 'utf8'),
        claimedContentType: 'text/plain',
      });
      this.steps.push({
        step: p.step,
        url: p.url,
        screenshotKey: shot.key,
        domKey: dom.key,
        masked: p.masked,
        at: p.at,
      });
    }
  }

  proof(): BrowserProof | null {
    return this.steps.length
      ? { lane: 'browser', selectorMapVersion: this.selectorMapVersion, steps: [...this.steps] }
      : null;
  }
}

/** A post as the page showed it, in the connectors' shape (the page echoes no request key). */
export function toPlatformPost(p: PagePost): PlatformPost {
  return {
    postId: p.postId,
    url: p.url,
    text: p.text,
    authorExternalId: p.authorExternalId,
    createdAt: p.createdAt,
    requestKey: null,
    raw: { postId: p.postId, url: p.url, via: 'browser' },
  };
}
