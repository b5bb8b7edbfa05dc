import type { ConnectorReader, PlatformOAuth, TokenLifecycle } from '../../services/core/connectors/connector.types';
import { platformDescriptor, platformSettings } from '../../services/core/connectors/platform-registry';
import type { PlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import type { TokenDeps } from './token.deps';

export interface TokenPlatform {
  lifecycle: TokenLifecycle;
  oauth(): PlatformOAuth;
  reader(): ConnectorReader;
}

/** One platform as the token activities use it: its refresh window (with the deps' changes), OAuth and reader. */
export function tokenPlatform(deps: TokenDeps, id: PlatformId): TokenPlatform {
  const descriptor = (deps.platform ?? platformDescriptor)(id);
  const settings = () => platformSettings(deps.connectors, id);
  return {
    lifecycle: { ...descriptor.tokens, ...deps.lifecycles?.[id] },
    oauth: () => descriptor.oauth(settings()),
    reader: () => descriptor.createReader(settings()),
  };
}
