import { join } from 'node:path';
import type { DataConverter } from '@temporalio/common';
import type { CodecKeySource } from './codec-key-source';
import { EncryptionCodec } from './encryption.codec';

/** The failure converter module; the workflow bundle must be built with it too (services/worker/workflow-bundle.ts). */
export const FAILURE_CONVERTER_PATH = join(__dirname, 'encoded-failure.converter');

/**
 * The one data converter of every Temporal client and worker: payloads encrypted by the codec, failure
 * messages and stack traces moved into an (encrypted) payload. The SDK takes the failure converter by path
 * because the workflow sandbox loads it as well.
 */
export function createDataConverter(keySource: CodecKeySource): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keySource)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
