import type { EntityManager } from 'typeorm';
import type { ArtifactStore } from '../artifacts/artifact-store.port';
import { BrandKitRepository } from '../knowledge/brand-kit.repository';
import { logger } from '../telemetry/logger';
import type { ReportBrand } from './report-html';
import { DEFAULT_BRAND, reportBrand } from './report-html';

/**
 * The brand a client's report is drawn in: its brand kit's colours and logo, or Raize's neutral look when the client
 * has none (agencies have no brand kit of their own yet). A logo that cannot be read leaves the report without one
 * rather than without a report.
 */
export async function loadReportBrand(
  m: EntityManager,
  artifacts: Pick<ArtifactStore, 'get'>,
  clientId: string,
): Promise<ReportBrand> {
  const kit = await new BrandKitRepository().view(m, clientId);
  if (!kit?.configured) return DEFAULT_BRAND;
  let logo: { contentType: string; bytes: Buffer } | null = null;
  if (kit.logoArtifactKey) {
    try {
      const bytes = await artifacts.get({ key: kit.logoArtifactKey, clientId });
      logo = { contentType: logoType(kit.logoArtifactKey), bytes };
    } catch (err) {
      logger.warn({ 'raize.client_id': clientId, 'error.kind': (err as Error).name }, 'report without its logo');
    }
  }
  return reportBrand({ colours: kit.colours, logo });
}

const EXT_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

/** The key's extension is the type the store sniffed when it took the bytes (artifact-key.ts). */
function logoType(key: string): string {
  return EXT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}
