import { Asset } from '../../services/core/database/entities';
import { contentPolicyInput } from '../../services/core/creation/content-input';
import { assetChecksum } from '../../services/core/util/asset-checksum';
import type { CheckItemInput, ContentCheckResult } from '../../workflows/contracts/creation.contract';
import type { Reason } from '../../workflows/contracts/vocabulary/reason-codes';
import type { CreationDeps } from './creation.deps';
import { loadItem } from './creation-item';

export const CONTENT_POLICY_ENTRYPOINT = 'raize/content/decision';

// The item's projection keeps at most 10 reasons of 500 characters; the view shows the same.
const MAX_REASONS = 10;
const MAX_MESSAGE = 480;

/**
 * The content policy before review: OPA `raize/content/decision` with the brand kit's banned terms, claims and
 * don't words, the limits of each platform the item goes out on (policy data) and the client's stricter settings. The engine fails closed: an
 * engine error blocks the item like any other reason, and a human edit runs the check again.
 */
export function createContentCheckActivity(deps: CreationDeps) {
  return async function checkItemContent(input: CheckItemInput): Promise<ContentCheckResult> {
    const { item, asset, brand } = await deps.ds.transaction(async (m) => {
      const { item } = await loadItem(m, input);
      const asset = await m.findOne(Asset, { where: { id: input.assetId, clientId: input.clientId } });
      return { item, asset, brand: await deps.brandContext(m, input.clientId) };
    });
    if (!asset)
      return { allow: false, reasons: [{ code: 'invalid_input', message: 'the asset is gone' }], checksum: '' };
    // One asset goes to every account of the item: each platform's limits apply (a reason names its platform when
    // the item goes to more than one).
    const platforms = [...new Set([item.platform, ...(item.crossPosts ?? []).map((c) => c.platform)])];
    let allow = true;
    const all: Reason[] = [];
    for (const platform of platforms) {
      const decision = deps.policy.decideAt(
        CONTENT_POLICY_ENTRYPOINT,
        contentPolicyInput({
          platform,
          format: item.format,
          text: asset.text,
          brand,
          settings: {
            ...(brand.linksAllowed !== undefined ? { linksAllowed: brand.linksAllowed } : {}),
            ...(brand.maxHashtags !== undefined ? { maxHashtags: brand.maxHashtags } : {}),
          },
        }),
      );
      allow &&= decision.allow;
      for (const r of decision.reasons) {
        const message = platforms.length > 1 ? `${platform}: ${r.message}` : r.message;
        // The brand's own rules say the same on every platform: once is enough.
        if (!all.some((a) => a.code === r.code && a.message.endsWith(r.message))) all.push({ code: r.code, message });
      }
    }
    const reasons: Reason[] = all
      .slice(0, MAX_REASONS)
      .map((r) => ({ code: r.code, message: r.message.slice(0, MAX_MESSAGE) }));
    return { allow, reasons, checksum: assetChecksum(asset) };
  };
}
