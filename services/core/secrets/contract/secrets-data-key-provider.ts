import type { AuditInput } from '../../audit/audit.service';
import { rotateCodecKey, SecretsCodecKeySource, SecretsKeySourceOptions } from '../../temporal/codec/secrets-key-source';
import { SecretsPort } from '../secrets.port';
import { DataKeyProvider } from './data-key-provider';

export interface SecretsDataKeyProviderOptions extends SecretsKeySourceOptions {
  audit?: { append(input: AuditInput): Promise<unknown> };
  actor?: string;
}

/**
 * Data keys stored as secrets (`codec/keys/<id>`, `codec/current`) in any SecretsPort. It reuses the codec's
 * own SecretsCodecKeySource so there is one storage format, whichever class reads it.
 */
export class SecretsDataKeyProvider implements DataKeyProvider {
  private source: SecretsCodecKeySource;

  constructor(private readonly secrets: SecretsPort, private readonly opts: SecretsDataKeyProviderOptions = {}) {
    this.source = new SecretsCodecKeySource(secrets, opts);
  }

  currentKey(): Promise<{ id: string; key: Buffer }> {
    return this.source.currentKey();
  }

  keyById(id: string): Promise<Buffer> {
    return this.source.keyById(id);
  }

  async rotate(): Promise<{ id: string }> {
    const id = await rotateCodecKey(this.secrets, { audit: this.opts.audit, actor: this.opts.actor });
    // A fresh source forgets the cached current key, so this process uses the new key at once.
    this.source = new SecretsCodecKeySource(this.secrets, this.opts);
    return { id };
  }
}
