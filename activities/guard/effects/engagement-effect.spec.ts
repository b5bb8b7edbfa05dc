import type { AuditService } from '../../../services/core/audit/audit.service';
import type { ConnectorReader, ConnectorWriter } from '../../../services/core/connectors/connector.types';
import { engagementKey } from './engagement-effect.shared';
import { hideEffect } from './hide.effect';
import { replyEffect } from './reply.effect';

const audit = {} as AuditService;

describe('engagement effects', () => {
  it('refuse a platform without the engagement capability with a clear reason, before any call', () => {
    const writer = { platform: 'x' } as ConnectorWriter;
    const reader = { platform: 'x' } as ConnectorReader;
    expect(replyEffect(audit).unsupported!(writer, reader)).toEqual({
      code: 'capability_missing',
      message: 'Raize cannot reply on x yet (no engagement connector for it)',
    });
    const able = { ...writer, engagement: {} } as ConnectorWriter;
    expect(hideEffect(audit).unsupported!(able, { ...reader, engagement: {} } as ConnectorReader)).toBeNull();
  });

  it('derive one idempotency key per inbound event, action and text', () => {
    const base = {
      clientId: 'c',
      platformAccountId: 'a',
      inboundEventId: 'e',
      action: 'reply' as const,
      checksum: 'k1',
    };
    expect(engagementKey(base)).toBe(engagementKey({ ...base }));
    expect(engagementKey(base)).not.toBe(engagementKey({ ...base, checksum: 'k2' }));
    expect(engagementKey(base)).not.toBe(engagementKey({ ...base, action: 'dm' }));
    expect(engagementKey(base)).not.toBe(engagementKey({ ...base, inboundEventId: 'e2' }));
  });
});
