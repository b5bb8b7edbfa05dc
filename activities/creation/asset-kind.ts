import type { AssetKind } from '../../services/core/database/entities';
import type { PlanFormat } from '../../workflows/contracts/vocabulary/plan-status';

/**
 * The asset kind each plan format is stored and published as. An avatar clip is a video to every platform's media
 * rules, the previews and the publish path, so AssetKind has no `avatar` of its own.
 */
export const ASSET_KIND_OF_FORMAT: Readonly<Record<PlanFormat, AssetKind>> = {
  text: 'text',
  image: 'image',
  video: 'video',
  avatar: 'video',
};
