import type {
  CallOptions,
  ConnectorCredential,
  ConnectorWriter,
  EngagementWriter,
  PlatformSettings,
  PublishContent,
  PublishOutcome,
} from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { sandboxEngagementWriter } from './sandbox-engagement.writer';
import { sandboxHttp } from './sandbox-http.config';
import { sandboxPostSchema, toPlatformPost } from './sandbox-wire';

/** Write side of the sandbox. Registered only in ../writer-registry.ts (C-17). */
class SandboxWriter implements ConnectorWriter {
  readonly platform = 'sandbox' as const;
  readonly engagement: EngagementWriter;
  constructor(
    private readonly http: ConnectorHttpConfig,
    private readonly allowLoopbackHttpLinks: boolean,
  ) {
    this.engagement = sandboxEngagementWriter(http);
  }

  async publish(
    cred: ConnectorCredential,
    content: PublishContent,
    idempotencyKey: string,
    opts: CallOptions = {},
  ): Promise<PublishOutcome> {
    const call = { method: 'POST', path: '/posts', route: '/posts' } as const;
    const a = await connectorRequest(this.http, {
      ...call,
      token: cred.accessToken,
      json: {
        text: content.text,
        // The sandbox takes media inline.
        media: content.media.length
          ? content.media.map((m) => ({
              dataBase64: m.bytes.toString('base64'),
              contentType: m.contentType,
              checksum: m.checksum,
            }))
          : undefined,
      },
      headers: { 'idempotency-key': idempotencyKey },
      signal: opts.signal,
    });
    return {
      post: toPlatformPost(parseAnswer(sandboxPostSchema, a, call), this.allowLoopbackHttpLinks),
      replayed: a.headers.get('idempotent-replayed') === 'true',
      requestId: a.requestId,
    };
  }
}

export function createSandboxWriter(settings: PlatformSettings): ConnectorWriter {
  return new SandboxWriter(sandboxHttp(settings), settings.allowLoopbackHttpLinks === true);
}
