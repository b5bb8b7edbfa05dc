import type { PlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import type { ConnectorWriter, PlatformSettings } from './connector.types';
import { createFacebookWriter } from './facebook/facebook.writer';
import { createInstagramWriter } from './instagram/instagram.writer';
import { createLinkedInWriter } from './linkedin/linkedin.writer';
import { createSandboxWriter } from './sandbox/sandbox.writer';
import { createTikTokWriter } from './tiktok/tiktok.writer';
import { createXWriter } from './x/x.writer';
import { createYouTubeWriter } from './youtube/youtube.writer';

/**
 * The write side of every platform. Only activities/guard may import this file (C-17): every side effect goes
 * through the one guard. A new PlatformId without a writer does not compile.
 */
const WRITERS: Record<PlatformId, (settings: PlatformSettings) => ConnectorWriter> = {
  sandbox: createSandboxWriter,
  instagram: createInstagramWriter,
  facebook: createFacebookWriter,
  linkedin: createLinkedInWriter,
  x: (settings) => createXWriter(settings),
  tiktok: (settings) => createTikTokWriter(settings),
  youtube: (settings) => createYouTubeWriter(settings),
};

export function createConnectorWriter(id: PlatformId, settings: PlatformSettings): ConnectorWriter {
  return WRITERS[id](settings);
}
