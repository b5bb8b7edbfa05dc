import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import type { ZodType } from 'zod';
import { HOST_COOKIE_ATTRIBUTES } from '../../../auth/request-info';
import { AppError, AppErrorCode } from '../../../errors/app-error';
import { PortalAccessService, type OpenResult, type PortalContext } from './portal-access.service';
import { CurrentPortal, PORTAL_COOKIE, PortalGuard } from './portal.guard';
import { codeBody, decisionBody, firstIssue, openBody, postId } from './portal.schemas';
import { PortalService, type PortalMe, type PortalPost } from './portal.service';

interface CookieResponse {
  cookie(name: string, value: string, opts: Record<string, unknown>): void;
  clearCookie(name: string, opts: Record<string, unknown>): void;
  set(name: string, value: string): void;
}

function parsed<T>(schema: ZodType<T>, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new AppError(AppErrorCode.BadInput, firstIssue(r.error));
  return r.data;
}

/**
 * The client review portal's API (issue #14), under /portal/api: its own minimal surface beside the operator's
 * GraphQL. Opening a link (and its code) needs no session; everything else needs the portal's.
 */
@Controller('portal/api')
export class PortalController {
  constructor(
    private readonly access: PortalAccessService,
    private readonly portal: PortalService,
  ) {}

  @Post('open')
  @HttpCode(200)
  async open(@Body() body: unknown, @Res({ passthrough: true }) res: CookieResponse) {
    return this.answer(await this.access.open(parsed(openBody, body).token), res);
  }

  @Post('code')
  @HttpCode(200)
  async code(@Body() body: unknown, @Res({ passthrough: true }) res: CookieResponse) {
    const b = parsed(codeBody, body);
    return this.answer(await this.access.verifyCode(b.token, b.code.trim()), res);
  }

  @Get('me')
  @UseGuards(PortalGuard)
  me(@CurrentPortal() ctx: PortalContext, @Res({ passthrough: true }) res: CookieResponse): Promise<PortalMe> {
    res.set('cache-control', 'no-store');
    return this.portal.me(ctx);
  }

  @Get('posts')
  @UseGuards(PortalGuard)
  async posts(
    @CurrentPortal() ctx: PortalContext,
    @Res({ passthrough: true }) res: CookieResponse,
  ): Promise<{ posts: PortalPost[] }> {
    res.set('cache-control', 'no-store');
    return { posts: await this.portal.posts(ctx) };
  }

  @Post('posts/:id/decision')
  @HttpCode(200)
  @UseGuards(PortalGuard)
  async decide(
    @CurrentPortal() ctx: PortalContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<{ post: PortalPost }> {
    return { post: await this.portal.decide(ctx, parsed(postId, id), parsed(decisionBody, body)) };
  }

  @Post('sign-out')
  @HttpCode(204)
  @UseGuards(PortalGuard)
  async signOut(@CurrentPortal() ctx: PortalContext, @Res({ passthrough: true }) res: CookieResponse): Promise<void> {
    await this.access.signOut(ctx);
    res.clearCookie(PORTAL_COOKIE, HOST_COOKIE_ATTRIBUTES);
  }

  private answer(r: OpenResult, res: CookieResponse) {
    res.set('cache-control', 'no-store');
    if (r.kind === 'code') return { needsCode: true, emailHint: r.emailHint };
    res.cookie(PORTAL_COOKIE, r.token, {
      ...HOST_COOKIE_ATTRIBUTES,
      httpOnly: true,
      expires: r.expiresAt,
    });
    return { needsCode: false, csrfToken: r.csrfToken };
  }
}
