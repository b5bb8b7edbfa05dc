export {
  KEYED_PROVIDERS,
  ProviderKeyService,
  type ProviderKeyView,
  type SetProviderKeyInput,
} from './provider-key.service';
export { InvalidProviderKeyError, NoProviderKeyError } from './provider-key.errors';
export { keyFingerprint } from './key-fingerprint';
