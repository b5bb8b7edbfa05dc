import { ConnectorError } from '../connector.errors';
import type { CallOptions, ConnectorCredential, MentionReader, MentionRef, PlatformMention } from '../connector.types';
import type { InstagramGraph } from './instagram-graph';
import {
  igMentionedCommentSchema,
  igMentionedMediaSchema,
  isGraphId,
  mentionedCommentField,
  mentionedMediaField,
  toCaptionMention,
  toCommentMention,
} from './instagram-wire';

/**
 * Instagram's `mentions` webhook carries ids only (media_id, and comment_id for a mention in a comment); the text is
 * read on the IG user node of the account that was mentioned:
 * - developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_comment
 * - developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/mentioned_media
 * Graph shows a mention only to the account it mentions, so the read also proves the mention is this account's.
 */
export function instagramMentions(graph: InstagramGraph): MentionReader {
  return {
    async readMention(
      cred: ConnectorCredential,
      ref: MentionRef,
      opts: CallOptions = {},
    ): Promise<PlatformMention | null> {
      // Ids from a webhook body: anything but a Graph id names no mention (and never reaches the field expression).
      if (!isGraphId(ref.mediaId) || (ref.commentId !== undefined && !isGraphId(ref.commentId))) return null;
      const me = await graph.me(cred, opts);
      const route = '/{ig-user-id}';
      const path = `/${me.userId}`;
      try {
        if (ref.commentId !== undefined) {
          const call = { path, route, query: { fields: mentionedCommentField(ref.commentId) } };
          return toCommentMention(await graph.get(igMentionedCommentSchema, cred, call, opts), ref.mediaId);
        }
        const call = { path, route, query: { fields: mentionedMediaField(ref.mediaId) } };
        return toCaptionMention(await graph.get(igMentionedMediaSchema, cred, call, opts));
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === 'not_found') return null;
        throw err;
      }
    },
  };
}
