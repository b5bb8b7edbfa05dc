import { ConnectorError } from '../connector.errors';
import type { CallOptions, ConnectorCredential, EngagementItem, EngagementReader } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import {
  commentItem,
  dmItem,
  sandboxCommentSchema,
  sandboxDmListSchema,
  sandboxDmSchema,
} from './sandbox-engagement-wire';

/** The sandbox's engagement reads: a comment with its replies and moderation state, a DM, a DM thread. */
export function sandboxEngagementReader(http: ConnectorHttpConfig): EngagementReader {
  const orNull = async <T>(read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'not_found') return null;
      throw err;
    }
  };
  return {
    readComment: (cred: ConnectorCredential, commentId: string, opts: CallOptions = {}) =>
      orNull(async () => {
        const call = {
          method: 'GET',
          path: `/comments/${encodeURIComponent(commentId)}`,
          route: '/comments/:id',
        } as const;
        const a = await connectorRequest(http, { ...call, token: cred.accessToken, signal: opts.signal });
        return commentItem(parseAnswer(sandboxCommentSchema, a, call));
      }),
    readDm: (cred: ConnectorCredential, dmId: string, opts: CallOptions = {}) =>
      orNull(async () => {
        const call = { method: 'GET', path: `/dms/${encodeURIComponent(dmId)}`, route: '/dms/:id' } as const;
        const a = await connectorRequest(http, { ...call, token: cred.accessToken, signal: opts.signal });
        return dmItem(parseAnswer(sandboxDmSchema, a, call));
      }),
    async dmsWith(
      cred: ConnectorCredential,
      externalUserId: string,
      opts: CallOptions = {},
    ): Promise<EngagementItem[]> {
      const query = new URLSearchParams({ with: externalUserId, limit: '100' });
      const call = { method: 'GET', path: `/dms?${query}`, route: '/dms' } as const;
      const a = await connectorRequest(http, { ...call, token: cred.accessToken, signal: opts.signal });
      return parseAnswer(sandboxDmListSchema, a, call).data.map(dmItem);
    },
  };
}
