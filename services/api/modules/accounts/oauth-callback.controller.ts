import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { AppError } from '../../errors/app-error';
import { logger } from '../../../core/telemetry/logger';
import { AccountsService } from './accounts.service';

interface PlainResponse {
  status(n: number): PlainResponse;
  type(t: string): PlainResponse;
  send(body: string): void;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Where the platform sends the operator's browser back. The state, not a session, identifies the attempt. */
@Controller('oauth')
export class OAuthCallbackController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('sandbox/callback')
  @Header('cache-control', 'no-store')
  async sandboxCallback(
    @Query('state') state: string | undefined,
    @Query('code') code: string | undefined,
    @Query('error') error: string | undefined,
    @Res() res: PlainResponse,
  ): Promise<void> {
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
      const account = await this.accounts.completeConnect(state, code);
      res
        .status(200)
        .type('html')
        .send(
          page(
            'Account connected',
            `Connected <strong data-testid="handle">${escape(account.handle)}</strong> (account <code data-testid="account-id">${escape(account.id)}</code>). You can close this window.`,
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
        .status(known ? 400 : 500)
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
