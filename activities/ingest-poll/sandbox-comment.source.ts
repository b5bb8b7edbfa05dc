import { z } from 'zod';
import type { PlatformSettings } from '../../services/core/connectors/connector.types';
import { connectorRequest, parseAnswer } from '../../services/core/connectors/http/connector-http';
import type { ConnectorHttpConfig } from '../../services/core/connectors/http/connector-http';
import { platformDescriptor } from '../../services/core/connectors/platform-registry';
import type { NewInboundEvent } from '../../services/core/engagement/inbound-event.bounds';
import type { CommentSource } from './comment-source';

// The sandbox's comment listing (services/sandbox/comments.routes.ts): the whole list of a post, oldest first.
const commentsSchema = z.object({
  data: z.array(
    z.object({
      id: z.string().min(1),
      postId: z.string().min(1),
      authorId: z.string().min(1),
      text: z.string(),
      createdAt: z.string(),
    }),
  ),
});

/** Comments arrive on posts for days after they go out: this is how far back the posts are looked at. */
export const POSTS_LOOKBACK_MS = 7 * 24 * 3600 * 1000;

/**
 * The sandbox as a polled platform: the account's posts of the last week (GET /me/posts, through the sandbox
 * reader), then each post's comments (GET /posts/:id/comments). The delivery id is the comment id, the same key the
 * webhook stores, so a comment that came both ways is one row.
 */
export function sandboxCommentSource(settings: PlatformSettings, now: () => number = Date.now): CommentSource {
  const reader = platformDescriptor('sandbox').createReader(settings);
  // The sandbox reader has no comment listing (its engagement reader reads one comment by id): the call is made
  // here, on the shared HTTP layer, with the sandbox reader's own settings.
  const http: ConnectorHttpConfig = {
    platform: 'sandbox',
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs ?? 15_000,
    requestIdHeader: 'x-request-id',
    versionHeaders: { 'x-api-version': '2026-01' },
  };
  return {
    async commentsSince({ cred, externalAccountId, since, signal, onProgress }) {
      const out: NewInboundEvent[] = [];
      const postsSince = new Date(Math.min(since.getTime(), now() - POSTS_LOOKBACK_MS));
      for await (const post of reader.ownPostsSince(cred, postsSince, { signal, onProgress })) {
        const path = `/posts/${encodeURIComponent(post.postId)}/comments`;
        const call = { method: 'GET', path, route: '/posts/:id/comments' } as const;
        const page = parseAnswer(
          commentsSchema,
          await connectorRequest(http, { ...call, token: cred.accessToken, signal }),
          call,
        );
        onProgress?.();
        for (const c of page.data) {
          const at = new Date(c.createdAt);
          if (c.authorId === externalAccountId || Number.isNaN(at.getTime()) || at < since) continue;
          out.push({
            source: 'sandbox',
            deliveryId: c.id,
            externalAccountId,
            kind: 'comment',
            externalId: c.id,
            parentExternalId: c.postId,
            authorExternalId: c.authorId,
            authorHandle: null,
            text: c.text,
            occurredAt: at,
            payload: { via: 'poll', comment: c },
          });
        }
      }
      return out;
    },
  };
}
