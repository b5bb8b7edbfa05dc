import { z } from 'zod';
import { ConnectorCredential, ConnectorReader, PlatformIdentity, PlatformPost } from '../connector.types';
import { contentFingerprint } from '../content-fingerprint';
import { errorFor, sandboxRequest, SandboxHttpOptions } from './sandbox-http';
import { sandboxMeSchema, toPlatformPost } from './sandbox-wire';

export class SandboxReader implements ConnectorReader {
  readonly platform = 'sandbox';
  constructor(private readonly http: SandboxHttpOptions) {}

  async identity(cred: ConnectorCredential): Promise<PlatformIdentity> {
    const a = await sandboxRequest(this.http, 'GET', '/me', cred.accessToken);
    if (a.status !== 200) throw errorFor('GET', '/me', a);
    const me = sandboxMeSchema.parse(a.body);
    return { externalAccountId: me.id, handle: me.handle, displayName: me.displayName };
  }

  async readPost(cred: ConnectorCredential, postId: string): Promise<PlatformPost | null> {
    const path = `/posts/${encodeURIComponent(postId)}`;
    const a = await sandboxRequest(this.http, 'GET', path, cred.accessToken);
    if (a.status === 404) return null;
    if (a.status !== 200) throw errorFor('GET', path, a);
    return toPlatformPost(a.body);
  }

  async findRecentByFingerprint(cred: ConnectorCredential, fingerprint: string, since: Date): Promise<PlatformPost | null> {
    const path = `/me/posts?limit=50&since=${encodeURIComponent(since.toISOString())}`;
    const a = await sandboxRequest(this.http, 'GET', path, cred.accessToken);
    if (a.status !== 200) throw errorFor('GET', '/me/posts', a);
    const list = z.array(z.unknown()).parse(Array.isArray(a.body) ? a.body : (a.body as { data?: unknown }).data ?? []);
    for (const raw of list) {
      const post = toPlatformPost(raw);
      if (contentFingerprint({ text: post.text }) === fingerprint) return post;
    }
    return null;
  }
}
