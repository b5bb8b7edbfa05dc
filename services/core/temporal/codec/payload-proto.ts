import { MapField, Field, Type } from 'protobufjs';
import type { Payload } from '@temporalio/common';

// temporal.api.common.v1.Payload on the wire, so a codec server in any language can read what we sealed.
const PayloadType = new Type('Payload')
  .add(new MapField('metadata', 1, 'string', 'bytes'))
  .add(new Field('data', 2, 'bytes'));

export function payloadToBytes(payload: Payload): Uint8Array {
  return PayloadType.encode(
    PayloadType.fromObject({ metadata: payload.metadata ?? {}, data: payload.data ?? new Uint8Array() }),
  ).finish();
}

export function payloadFromBytes(bytes: Uint8Array): Payload {
  const decoded = PayloadType.decode(bytes) as unknown as { metadata?: Record<string, Uint8Array>; data?: Uint8Array };
  return { metadata: { ...decoded.metadata }, data: decoded.data ?? new Uint8Array() };
}
