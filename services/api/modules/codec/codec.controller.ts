import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CsrfByPinnedOrigin } from '../../auth/pinned-origin.decorator';
import { CodecAccessGuard } from './codec-access.guard';
import { CodecAuthGuard } from './codec-auth.guard';
import { CodecPayloads } from './codec-payloads.schema';
import { CodecService } from './codec.service';
import { temporalUiOrigin } from './temporal-ui-origin';

/**
 * The remote codec endpoint Temporal Web (and `temporal --codec-endpoint`) calls; CORS in CodecCorsMiddleware.
 * Temporal Web sends the engineer's session cookie (its codec "include credentials" setting) but cannot send our
 * CSRF token, so on these routes, which only transform payloads and change nothing, an Origin of exactly
 * Temporal Web stands in for it; a cookie without Origin (or from anywhere else) is still refused.
 */
@Controller('codec')
@CsrfByPinnedOrigin(temporalUiOrigin)
@UseGuards(CodecAuthGuard, CodecAccessGuard)
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Post('decode')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  decode(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<CodecPayloads> {
    return this.codec.decode(actor, body);
  }

  @Post('encode')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  encode(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<CodecPayloads> {
    return this.codec.encode(actor, body);
  }
}
