import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { logger } from '../../../core/telemetry/logger';
import { clientIp, HttpRequestLike } from '../../auth/request-info';
import { RateLimiter } from '../../security/rate-limiter';
import { ReportLinkService } from './report-link.service';

interface PlainResponse {
  status(n: number): PlainResponse;
  set(headers: Record<string, string>): PlainResponse;
  send(body: Buffer | string): void;
}

/**
 * What every answer of a report link carries: never cached or indexed (the URL is a bearer credential and the page a
 * client's figures), never framed, and no Referer leaves with the token (C-08).
 */
const LINK_HEADERS = {
  'cache-control': 'no-store, max-age=0',
  pragma: 'no-cache',
  'x-robots-tag': 'noindex, nofollow, noarchive',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

// The PDF: nothing may load or frame it. (No `sandbox`: browsers' PDF viewers refuse to run in a sandboxed document.)
const PDF_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// The page: its one style sheet by hash, images from data: only (the logo, inline), no script at all, sandboxed.
const pageCsp = (styleHash: string) =>
  `default-src 'none'; style-src '${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox`;
const PLAIN_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

// One answer for an unknown, expired or revoked link: which one it was would tell a guesser something.
const GONE_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">' +
  '<title>Link not available</title></head><body><h1>This link is not available</h1>' +
  '<p>Ask whoever sent it to you for a new one.</p></body></html>';
const SLOW_DOWN_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">' +
  '<title>Too many requests</title></head><body><h1>Too many requests</h1><p>Try again in a minute.</p></body></html>';

/**
 * A client's read-only report link (issue #14): `/r/<token>` answers the PDF, `/r/<token>/view` the page. No session:
 * the token is the credential. Besides the API's per-address budget (RateLimitGuard), links have a tighter one of
 * their own, so guessing tokens at speed is cut off (C-10); a token is 256 random bits in any case.
 */
@Controller('r')
export class ReportLinkController {
  private readonly budget = new RateLimiter(Number(process.env.RAIZE_RATE_LIMIT_REPORT_LINKS_PER_MINUTE ?? 60), 60_000);

  constructor(private readonly links: ReportLinkService) {}

  @Get(':token')
  async pdf(@Param('token') token: string, @Req() req: HttpRequestLike, @Res() res: PlainResponse): Promise<void> {
    if (this.limited(req, res)) return;
    const opened = await this.links.open(token, 'pdf');
    if (!opened || opened.as !== 'pdf') return this.gone(res);
    res
      .status(200)
      .set({
        ...LINK_HEADERS,
        'content-security-policy': PDF_CSP,
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${opened.fileName}"`,
      })
      .send(opened.pdf);
  }

  @Get(':token/view')
  async page(@Param('token') token: string, @Req() req: HttpRequestLike, @Res() res: PlainResponse): Promise<void> {
    if (this.limited(req, res)) return;
    const opened = await this.links.open(token, 'page');
    if (!opened || opened.as !== 'page') return this.gone(res);
    res
      .status(200)
      .set({
        ...LINK_HEADERS,
        'content-security-policy': pageCsp(opened.page.styleHash),
        'content-type': 'text/html; charset=utf-8',
      })
      .send(opened.page.html);
  }

  private limited(req: HttpRequestLike, res: PlainResponse): boolean {
    const wait = this.budget.hit(`ip:${clientIp(req)}`);
    if (!wait) return false;
    logger.warn({ 'raize.operation': 'report.link', 'raize.outcome': 'rate_limited' }, 'report link rate limited');
    res
      .status(429)
      .set({
        ...LINK_HEADERS,
        'content-security-policy': PLAIN_CSP,
        'content-type': 'text/html; charset=utf-8',
        'retry-after': String(wait),
      })
      .send(SLOW_DOWN_PAGE);
    return true;
  }

  private gone(res: PlainResponse): void {
    // Never the token in a log line: it may still open the report for its rightful reader.
    logger.info({ 'raize.operation': 'report.link', 'raize.outcome': 'not_found' }, 'report link not available');
    res
      .status(404)
      .set({ ...LINK_HEADERS, 'content-security-policy': PLAIN_CSP, 'content-type': 'text/html; charset=utf-8' })
      .send(GONE_PAGE);
  }
}
