import {
  createLocalAvatarProvider,
  createLocalImageProvider,
  createLocalTextProvider,
  createLocalVideoProvider,
} from './local';
import type { AvatarProvider, ImageProvider, ProviderId, TextProvider, VideoProvider } from './provider.types';

/** The adapters the gateway can use, by kind and provider. */
export interface ProviderRegistry {
  text(id: ProviderId): TextProvider | undefined;
  image(id: ProviderId): ImageProvider | undefined;
  video(id: ProviderId): VideoProvider | undefined;
  avatar(id: ProviderId): AvatarProvider | undefined;
}

/** Adapters by kind and provider id; whatever is left out is simply not available (the step waits with no_provider). */
export interface ProviderAdapters {
  text?: Partial<Record<ProviderId, TextProvider>>;
  image?: Partial<Record<ProviderId, ImageProvider>>;
  video?: Partial<Record<ProviderId, VideoProvider>>;
  avatar?: Partial<Record<ProviderId, AvatarProvider>>;
}

/** A registry over injected adapters (tests pass recording fakes; the worker passes the vendors' adapters). */
export function createProviderRegistry(adapters: ProviderAdapters): ProviderRegistry {
  return {
    text: (id) => adapters.text?.[id],
    image: (id) => adapters.image?.[id],
    video: (id) => adapters.video?.[id],
    avatar: (id) => adapters.avatar?.[id],
  };
}

/** The offline, deterministic local provider for text, images, video and avatar clips. */
export function localAdapters(opts: { fontFile?: string; ffmpegBin?: string } = {}): ProviderAdapters {
  return {
    text: { local: createLocalTextProvider() },
    image: { local: createLocalImageProvider(opts) },
    video: { local: createLocalVideoProvider(opts) },
    avatar: { local: createLocalAvatarProvider(opts) },
  };
}

/** Adapters of `b` over those of `a`, kind by kind. */
export function mergeAdapters(a: ProviderAdapters, b: ProviderAdapters): ProviderAdapters {
  return {
    text: { ...a.text, ...b.text },
    image: { ...a.image, ...b.image },
    video: { ...a.video, ...b.video },
    avatar: { ...a.avatar, ...b.avatar },
  };
}

/**
 * The registry a process uses by default: the local provider, plus the vendor adapters it is given. The vendors'
 * factories (services/core/providers/<vendor>/index.ts) are wired in by the worker, which passes them as `vendors`.
 */
export function defaultProviderRegistry(vendors: ProviderAdapters = {}): ProviderRegistry {
  return createProviderRegistry(mergeAdapters(localAdapters(), vendors));
}
