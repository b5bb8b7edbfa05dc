import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The checksum of an asset's content as it will be sent; approvals and jobs pin it (C-23). */
export function assetChecksum(content: {
  text: string;
  mediaKey?: string | null;
  mediaContentType?: string | null;
}): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        text: content.text,
        mediaKey: content.mediaKey ?? null,
        mediaContentType: content.mediaContentType ?? null,
      }),
    )
    .digest('hex');
}
