import { boundInboundEvent, InboundEventRefused } from './inbound-event.bounds';
import type { NewInboundEvent } from './inbound-event.bounds';

const event = (occurredAt: Date): NewInboundEvent => ({
  source: 'sandbox',
  deliveryId: 'c_1',
  externalAccountId: 'acct_1',
  kind: 'comment',
  externalId: 'c_1',
  parentExternalId: null,
  authorExternalId: null,
  authorHandle: null,
  text: 'hi',
  occurredAt,
  payload: {},
});

describe('boundInboundEvent', () => {
  it.each([
    ['year 0 (the fuzzer sent 0000-12-31T23:59:59.999Z)', '0000-12-31T23:59:59.999Z'],
    ['year 10000 (the fuzzer sent +010000-01-01T00:00:00.000Z)', '+010000-01-01T00:00:00.000Z'],
    ['before 1970', '1969-12-31T23:59:59.999Z'],
  ])('[C-54] refuses a time Postgres cannot store or no platform sends: %s', (_, iso) => {
    expect(() => boundInboundEvent(event(new Date(iso)))).toThrow(InboundEventRefused);
  });

  it('[C-54] makes object keys storable as well as values (the fuzzer sent a Meta message with a NUL key)', () => {
    const payload = { value: { mid: 'm_1', '\u0000': { 'k\ud800': 'v\u0000' } } };
    const stored = boundInboundEvent({ ...event(new Date('2026-12-01T10:00:00Z')), payload }).payload;
    expect(JSON.stringify(stored)).toBe(JSON.stringify({ value: { mid: 'm_1', '': { 'k\ufffd': 'v' } } }));
  });

  it('keeps times from 1970 to the end of 9999', () => {
    for (const iso of ['1970-01-01T00:00:00.000Z', '2026-12-01T10:00:00.000Z', '9999-12-31T23:59:59.999Z'])
      expect(boundInboundEvent(event(new Date(iso))).occurredAt.toISOString()).toBe(iso);
  });
});
