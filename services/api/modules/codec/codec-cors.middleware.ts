import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config';
import { APP_CONFIG } from '../../platform/tokens';
import { temporalUiOrigin } from './temporal-ui-origin';
import { AppErrorCode, httpErrorBody } from '../../errors/app-error';

interface CorsRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}
interface CorsResponse {
  setHeader(name: string, value: string): void;
  status(n: number): CorsResponse;
  json(body: unknown): void;
  end(): void;
}

export const CODEC_ALLOWED_HEADERS = 'content-type, x-namespace, authorization';

/**
 * CORS for the codec routes, limited to the configured Temporal UI origin (C-14): its preflight is answered
 * with credentials allowed; any other browser origin is refused with 403 and no CORS headers, so a page
 * elsewhere can neither read nor make the browser send the operator's credentials. Requests with no Origin
 * (the Temporal CLI's --codec-endpoint) are not cross-origin and go on to authentication.
 */
@Injectable()
export class CodecCorsMiddleware implements NestMiddleware {
  private readonly uiOrigin: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.uiOrigin = temporalUiOrigin(config);
  }

  use(req: CorsRequest, res: CorsResponse, next: () => void): void {
    const raw = req.headers.origin;
    const origin = Array.isArray(raw) ? raw[0] : raw;
    const preflight = req.method === 'OPTIONS';
    if ((origin !== undefined && origin !== this.uiOrigin) || (preflight && origin === undefined)) {
      res.status(403).json(httpErrorBody(AppErrorCode.Forbidden, 'this origin may not use the codec endpoint'));
      return;
    }
    res.setHeader('Vary', 'Origin');
    if (origin !== undefined) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (preflight) {
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', CODEC_ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  }
}
