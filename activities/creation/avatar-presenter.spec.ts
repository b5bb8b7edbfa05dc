import { DEFAULT_PREFERRED } from '../../services/core/providers/ai-contract';
import { presenterFor } from './avatar-presenter';

const presenter = { avatarId: 'Daisy-inskirt-20220818', voiceId: '2d5b0e6cf36f460aa7fc47e3eee4ba54' };

describe("the avatar request's presenter", () => {
  it('carries the stored presenter to whichever avatar provider is chosen', () => {
    for (const avatar of ['heygen', 'local'] as const)
      expect(presenterFor({ preferred: { ...DEFAULT_PREFERRED, avatar }, presenter })).toEqual({
        ok: true,
        ids: presenter,
      });
  });

  it('needs none for the local provider, which draws its own figure', () => {
    expect(presenterFor({ preferred: { ...DEFAULT_PREFERRED }, presenter: null })).toEqual({ ok: true, ids: {} });
  });

  it('parks a HeyGen item without a presenter with what to set, for a human', () => {
    const choice = presenterFor({ preferred: { ...DEFAULT_PREFERRED, avatar: 'heygen' }, presenter: null });
    expect(choice).toEqual({ ok: false, wait: { code: 'no_provider', message: expect.any(String) as unknown } });
    expect(!choice.ok && choice.wait.message).toMatch(/heygen avatar id and voice id under AI providers/);
  });
});
