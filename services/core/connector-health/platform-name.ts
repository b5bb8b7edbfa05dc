import type { PlatformDescriptor } from '../connectors/connector.types';
import { PLATFORMS } from '../connectors/platform-registry';
import { isPlatformId } from '../../../workflows/contracts/vocabulary/platform-id';

/** Finds a platform's descriptor; the health centre takes one as a parameter so tests can give their own. */
export type DescriptorLookup = (platform: string) => PlatformDescriptor | undefined;

/** The registry's descriptors: an account of a platform Raize no longer knows gets none (and is shown as such). */
export const registeredDescriptor: DescriptorLookup = (platform) =>
  isPlatformId(platform) ? PLATFORMS[platform] : undefined;

/** The name operators know the platform by (its id when Raize has no descriptor for it). */
export function platformNameOf(platform: string, lookup: DescriptorLookup = registeredDescriptor): string {
  return lookup(platform)?.displayName ?? platform;
}
