// A mirror of services/core/providers/provider.types.ts (PROVIDER_IDS, PROVIDER_KINDS_OF): the API exposes providers
// as strings, so the app keeps the list it offers in one place. The API refuses anything else anyway.
export const PROVIDER_KINDS = ['text', 'image', 'video', 'avatar'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_KINDS_OF: Record<string, readonly ProviderKind[]> = {
  local: ['text', 'image', 'video', 'avatar'],
  anthropic: ['text'],
  openai: ['text', 'image'],
  gemini: ['text', 'image'],
  openrouter: ['text'],
  kie: ['video'],
  heygen: ['avatar'],
};

export const PROVIDER_NAMES: Record<string, string> = {
  local: 'Local (offline, no key)',
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  gemini: 'Google Gemini',
  openrouter: 'OpenRouter',
  kie: 'Kie.ai (Veo)',
  heygen: 'HeyGen',
};

/** Providers that take a key: every one but the offline local provider. */
export const KEYED_PROVIDERS = Object.keys(PROVIDER_KINDS_OF).filter((p) => p !== 'local');

export const providersFor = (kind: ProviderKind): string[] =>
  Object.keys(PROVIDER_KINDS_OF).filter((p) => PROVIDER_KINDS_OF[p].includes(kind));

/** A HeyGen avatar or voice id (services/core/providers/settings/avatar-presenter.ts; the API holds to it too). */
export const PRESENTER_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** micro-USD as dollars with cents */
export const usd = (micros: number): string => `$${(micros / 1_000_000).toFixed(2)}`;
