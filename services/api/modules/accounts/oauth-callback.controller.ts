import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { z } from 'zod';
import { logger } from '../../../core/telemetry/logger';
import { isPlatformId } from '../../../../workflows/contracts/vocabulary/platform-id';
import { HttpRequestLike, SESSION_COOKIE } from '../../auth/request-info';
import { AppError } from '../../errors/app-error';
import { CONNECT_BINDING_COOKIE, connectCallbackPath } from './connect/connect-binding';
import { ConnectCallbackService } from './connect/connect-callback.service';

interface PlainResponse {
  status(n: number): PlainResponse;
  type(t: string): PlainResponse;
  send(body: string): void;
  clearCookie(name: string, opts: Record<string, unknown>): void;
}

const param = z.string().min(1).max(2000);
const callbackQuery = z.object({ state: param.optional(), code: param.optional(), error: param.optional() });

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Where the platform sends the operator's browser back. The state names the attempt; the binding cookie and
 * the session decide whether this browser may continue it; the page asks the operator to confirm in Raize.
 */
@Controller('oauth')
export class OAuthCallbackController {
  constructor(private readonly callback: ConnectCallbackService) {}

  @Get(':platform/callback')
  @Header('cache-control', 'no-store')
  async callbackFor(
    @Param('platform') platformParam: string,
    @Query() query: Record<string, unknown>,
    @Req() req: HttpRequestLike,
    @Res() res: PlainResponse,
  ): Promise<void> {
    if (!isPlatformId(platformParam)) {
      res.status(404).type('html').send(page('Not connected', 'Raize has no connector for this platform.'));
      return;
    }
    const platform = platformParam;
    const q = callbackQuery.safeParse(query);
    const { state, code, error } = q.success ? q.data : {};
    if (error || !state || !code) {
      res
        .status(400)
        .type('html')
        .send(
          page(
            'Not connected',
            error
              ? `The platform answered: ${escape(error)}.`
              : 'The link is missing its code or state. Start connecting again.',
          ),
        );
      return;
    }
    try {
      const pending = await this.callback.receive({
        platform,
        state,
        code,
        bindingCookie: req.cookies?.[CONNECT_BINDING_COOKIE],
        sessionCookie: req.cookies?.[SESSION_COOKIE],
      });
      res.clearCookie(CONNECT_BINDING_COOKIE, { path: connectCallbackPath(platform), secure: true, sameSite: 'lax' });
      res
        .status(200)
        .type('html')
        .send(
          page(
            'Confirm in Raize',
            `Connect <strong data-testid="handle">${escape(pending.handle)}</strong> to <strong data-testid="client-name">${escape(pending.clientName)}</strong>? Nothing is connected until you confirm it in Raize, in the tab where you started. <a href="/c/${escape(pending.clientId)}/accounts" data-testid="back-to-raize">Open Raize</a>`,
          ),
        );
    } catch (err) {
      const known = err instanceof AppError;
      if (!known)
        logger.error(
          { 'error.kind': (err as Error).name, 'raize.operation': 'oauth.callback' },
          'oauth callback failed',
        );
      res
        .status(known ? (err.code === 'FORBIDDEN' ? 403 : 400) : 500)
        .type('html')
        .send(
          page(
            'Not connected',
            known ? escape(err.message) : 'Something went wrong on our side; nothing was saved. Try again.',
          ),
        );
    }
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} — Raize</title></head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
}
