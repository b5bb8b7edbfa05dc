import { ConnectorCredential, ConnectorWriter, PublishContent, PublishOutcome } from '../connector.types';
import { errorFor, sandboxRequest, SandboxHttpOptions } from './sandbox-http';
import { toPlatformPost } from './sandbox-wire';

export class SandboxWriter implements ConnectorWriter {
  readonly platform = 'sandbox';
  constructor(private readonly http: SandboxHttpOptions) {}

  async publish(cred: ConnectorCredential, content: PublishContent, idempotencyKey: string): Promise<PublishOutcome> {
    const a = await sandboxRequest(this.http, 'POST', '/posts', cred.accessToken, { text: content.text, media: content.media.length ? content.media : undefined }, { 'idempotency-key': idempotencyKey });
    if (a.status !== 201 && a.status !== 200) throw errorFor('POST', '/posts', a);
    return {
      post: toPlatformPost(a.body),
      replayed: a.headers.get('idempotent-replayed') === 'true',
      requestId: a.headers.get('x-request-id') ?? undefined,
    };
  }
}
