import { join } from 'node:path';
import type { DataConverter } from '@temporalio/common';
import type { AppConfig } from '../../config/app-config';
import type { CodecKeySource } from './codec-key-source';
import type { EncryptionCodecOptions } from './encryption.codec';
import { EncryptionCodec } from './encryption.codec';

/** The failure converter module; the workflow bundle must be built with it too (services/worker/workflow-bundle.ts). */
export const FAILURE_CONVERTER_PATH = join(__dirname, 'encoded-failure.converter');

/** The codec's settings from the app config: its namespace, and plaintext refused in production (C-15). */
export function codecOptionsFrom(config: Pick<AppConfig, 'env' | 'temporal'>): EncryptionCodecOptions {
  return { namespace: config.temporal.namespace, refusePlaintext: config.env === 'production' };
}

/**
 * The one data converter of every Temporal client and worker: payloads encrypted by the codec, failure
 * messages and stack traces moved into an (encrypted) payload. The SDK takes the failure converter by path
 * because the workflow sandbox loads it as well.
 */
export function createDataConverter(keySource: CodecKeySource, opts: EncryptionCodecOptions): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keySource, opts)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
