import type { BrowserSession, PageIdentity } from '../../../services/core/browser/browser-driver.port';
import { BrowserLaneStop } from '../../../services/core/browser/browser-driver.port';
import { ConnectorError } from '../../../services/core/connectors/connector.errors';
import type { ConnectorReader, ConnectorWriter, PlatformPost } from '../../../services/core/connectors/connector.types';
import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import type { ProofRecorder } from './browser.session-io';
import { toPlatformPost } from './browser.session-io';

/** The page showed another identity than the manifest: the account is quarantined already; stop before the click. */
export const identityRefused = () =>
  new BrowserLaneStop('identity_mismatch', 'the page shows another identity than the profile manifest');

/** The browser lane's write side: one post through the compose page, identity confirmed on that very page. */
export function browserWriter(
  platform: PlatformId,
  session: BrowserSession,
  recorder: ProofRecorder,
  confirm: (identity: PageIdentity) => Promise<void>,
): ConnectorWriter {
  return {
    platform,
    async publish(_cred, content, idempotencyKey) {
      // The compose page takes text only; media through the browser lane would need a file chooser per platform.
      if (content.media.length)
        throw new ConnectorError('permanent', 'the browser lane publishes text posts only; use the API lane for media');
      const { post, proof } = await session.publish({ text: content.text, requestKey: idempotencyKey, confirm });
      await recorder.keep(proof);
      return { post: toPlatformPost(post), replayed: false };
    },
  };
}

/** The browser lane's read side: identity, read-back and the profile's own posts, all through the pages. */
export function browserReader(
  platform: PlatformId,
  session: BrowserSession,
  recorder: ProofRecorder,
  handle: string,
): ConnectorReader {
  return {
    platform,
    async identity() {
      const id = await session.identity();
      return { externalAccountId: id.externalAccountId, handle: id.handle, displayName: id.displayName ?? undefined };
    },
    async readPost(_cred, postId) {
      const { post, proof } = await session.readPost(postId);
      await recorder.keep([proof]);
      return post ? toPlatformPost(post) : null;
    },
    async *ownPostsSince(_cred, since): AsyncIterable<PlatformPost> {
      for (const p of await session.ownPosts(handle)) {
        if (Date.parse(p.createdAt) < since.getTime()) return;
        yield toPlatformPost(p);
      }
    },
    standing: async () => ({ quotas: [], restrictions: [], missing: [] }),
  };
}
