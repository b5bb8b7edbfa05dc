import type { AvatarPresenter } from '../../services/core/providers/settings/avatar-presenter';
import { needsPresenter } from '../../services/core/providers/settings/avatar-presenter';
import type { EffectiveAiSettings } from '../../services/core/providers/settings/ai-settings.repository';
import type { CreationWait } from '../../workflows/contracts/creation.contract';

/** The presenter an avatar request carries, or why the item cannot have one. */
export type PresenterChoice = { ok: true; ids: Partial<AvatarPresenter> } | { ok: false; wait: CreationWait };

/**
 * The client's presenter for its avatar provider. A provider that cannot pick a presenter itself (HeyGen) and has
 * none is a setting a human must make: the item parks with what to set, instead of the adapter's refusal crashing
 * the step as a bad request.
 */
export function presenterFor(s: Pick<EffectiveAiSettings, 'preferred' | 'presenter'>): PresenterChoice {
  const provider = s.preferred.avatar;
  if (s.presenter) return { ok: true, ids: { avatarId: s.presenter.avatarId, voiceId: s.presenter.voiceId } };
  if (!needsPresenter(provider)) return { ok: true, ids: {} };
  return {
    ok: false,
    wait: {
      code: 'no_provider',
      message: `${provider} makes this client's avatar videos but no presenter is set: an Admin or Manager sets the ${provider} avatar id and voice id under AI providers, then resumes the item`,
    },
  };
}
