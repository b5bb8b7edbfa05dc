import type { AppConfig } from '../../../core/config/app-config';

/**
 * The one browser origin that may call the codec endpoint (C-14): Temporal Web's, from TEMPORAL_UI_URL. Both its
 * CORS answer (CodecCorsMiddleware) and its stand-in for the CSRF token (CsrfByPinnedOrigin) are pinned to it.
 */
export function temporalUiOrigin(config: AppConfig): string {
  return new URL(config.temporal.uiUrl).origin;
}
