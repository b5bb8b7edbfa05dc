import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import { Payload, PayloadCodec } from '@temporalio/common';
import { logger } from '../../../core/telemetry/logger';
import { PayloadDecryptError } from '../../../core/temporal/codec/encryption.codec';
import { UnknownCodecKeyError } from '../../../core/temporal/codec/codec-key-source';
import { Actor } from '../../auth/actor';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { TEMPORAL_CLIENT } from '../../platform/tokens';
import { CodecPayloads, codecPayloadsSchema } from './codec-payloads.schema';

/**
 * Encodes and decodes for Temporal Web with exactly the codecs of the API's own Temporal client, so the UI
 * reads what our workers and clients wrote, whatever the key source behind them.
 */
@Injectable()
export class CodecService {
  private readonly codecs: PayloadCodec[];

  constructor(@Inject(TEMPORAL_CLIENT) temporal: TemporalClient) {
    this.codecs = temporal.options.loadedDataConverter.payloadCodecs;
  }

  async decode(actor: Actor, body: unknown): Promise<CodecPayloads> {
    let payloads = parse(body);
    try {
      for (const codec of [...this.codecs].reverse()) payloads = await codec.decode(payloads);
    } catch (err) {
      if (err instanceof PayloadDecryptError || err instanceof UnknownCodecKeyError) {
        throw new AppError(AppErrorCode.BadInput, 'a payload could not be decoded with the keys this server holds');
      }
      throw err;
    }
    // Who read decrypted history, never what they read.
    logger.info({ 'raize.actor': actor.userId, 'raize.operation': 'codec.decode' }, 'codec decode');
    return toWire(payloads);
  }

  async encode(actor: Actor, body: unknown): Promise<CodecPayloads> {
    let payloads = parse(body);
    for (const codec of this.codecs) payloads = await codec.encode(payloads);
    logger.info({ 'raize.actor': actor.userId, 'raize.operation': 'codec.encode' }, 'codec encode');
    return toWire(payloads);
  }
}

function parse(body: unknown): Payload[] {
  const parsed = codecPayloadsSchema.safeParse(body);
  if (!parsed.success)
    throw new AppError(AppErrorCode.BadInput, 'expected {"payloads": [{"metadata": {key: base64}, "data": base64}]}');
  return parsed.data.payloads.map((p) => ({
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
    ),
    data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
  }));
}

function toWire(payloads: Payload[]): CodecPayloads {
  const b64 = (u: Uint8Array | null | undefined) => Buffer.from(u ?? new Uint8Array()).toString('base64');
  return {
    payloads: payloads.map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])),
      data: b64(p.data),
    })),
  };
}
