import { generateWebhookSecret, hasValidSignature, signatureHeader, signWebhook } from './webhook-signature';

// The Standard Webhooks specification's own test vector.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  msgId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signing', () => {
  it('reproduces the specification vector', () => {
    expect(signWebhook(VECTOR.secret, VECTOR.msgId, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('changes with one byte of the body, the id or the timestamp', () => {
    expect(signWebhook(VECTOR.secret, VECTOR.msgId, VECTOR.timestamp, '{"test": 2432232315}')).not.toBe(
      VECTOR.signature,
    );
    expect(signWebhook(VECTOR.secret, 'msg_other', VECTOR.timestamp, VECTOR.body)).not.toBe(VECTOR.signature);
    expect(signWebhook(VECTOR.secret, VECTOR.msgId, VECTOR.timestamp + 1, VECTOR.body)).not.toBe(VECTOR.signature);
  });

  it('puts one v1 signature per secret in the header, and each verifies under its own secret', () => {
    const other = generateWebhookSecret();
    const header = signatureHeader([VECTOR.secret, other], VECTOR.msgId, VECTOR.timestamp, VECTOR.body);
    expect(header.split(' ')).toHaveLength(2);
    expect(header.split(' ')[0]).toBe(VECTOR.signature);
    expect(hasValidSignature(other, header, VECTOR.msgId, VECTOR.timestamp, VECTOR.body)).toBe(true);
    expect(hasValidSignature(generateWebhookSecret(), header, VECTOR.msgId, VECTOR.timestamp, VECTOR.body)).toBe(false);
  });

  it('generates whsec_ secrets of 32 random bytes, and refuses a secret without the prefix', () => {
    const s = generateWebhookSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(s.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(s);
    expect(() => signWebhook('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'm', 1, 'b')).toThrow(/whsec_/);
  });
});
