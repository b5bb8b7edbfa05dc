import type { EntityManager } from 'typeorm';
import { platformDescriptor } from '../connectors/platform-registry';
import type { Asset, PlatformAccount } from '../database/entities';
import { Artifact } from '../database/entities';
import { mediaRuleProblems } from '../media/check-media-rules';
import type { MediaFacts } from '../media/media-facts';
import { isPlatformId } from '../../../workflows/contracts/vocabulary/platform-id';

/**
 * What the account's platform would refuse about this asset (text length, media type, size, shape, length), found
 * when the post is scheduled instead of at its slot. The media facts were read when the file was stored.
 */
export async function publishableProblems(m: EntityManager, account: PlatformAccount, asset: Asset): Promise<string[]> {
  if (!isPlatformId(account.platform)) return [`Raize has no connector for ${account.platform}`];
  const platform = platformDescriptor(account.platform);
  const media: MediaFacts[] = [];
  if (asset.mediaKey) {
    const row = await m.findOne(Artifact, { where: { key: asset.mediaKey, clientId: asset.clientId } });
    if (!row) return ['the post’s media file is missing from the artifact store'];
    media.push({
      contentType: row.contentType,
      size: row.size,
      ...(row.width && row.height ? { width: row.width, height: row.height } : {}),
      ...(row.durationSeconds ? { durationSeconds: row.durationSeconds } : {}),
    });
  }
  return mediaRuleProblems(platform.displayName, platform.mediaRules, { text: asset.text, media });
}
