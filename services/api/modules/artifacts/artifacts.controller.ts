import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { isArtifactRejection } from '../../../core/artifacts/artifact.errors';
import { logger } from '../../../core/telemetry/logger';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { clientIp, header, HttpRequestLike } from '../../auth/request-info';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { REJECTION_STATUS, rejectionBody } from './artifact-http';
import { ArtifactsService } from './artifacts.service';
import { CLAIMED_TYPE_HEADER, uploadArtifactQuery } from './upload-artifact.query';

interface PlainResponse {
  status(n: number): PlainResponse;
  set(headers: Record<string, string>): PlainResponse;
  json(body: unknown): void;
  send(body: Buffer): void;
}

type StreamingRequest = HttpRequestLike & {
  iterator(o: { destroyOnReturn: boolean }): AsyncIterable<Uint8Array>;
};

// What a served object may do in a browser: nothing. It is shown or downloaded, never run or framed elsewhere.
const SERVED_HEADERS = {
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cross-origin-resource-policy': 'cross-origin',
  // The token is a bearer credential: it must not leave in a Referer header.
  'referrer-policy': 'no-referrer',
};

/**
 * The artifact store over HTTP (C-46, C-47): downloads by signed link only (no session: platforms fetch these), and
 * uploads by signed-in operators with asset.write.
 */
@Controller('artifacts')
export class ArtifactsController {
  constructor(private readonly artifacts: ArtifactsService) {}

  @Get(':token')
  async download(@Param('token') token: string, @Req() req: HttpRequestLike, @Res() res: PlainResponse): Promise<void> {
    try {
      const served = await this.artifacts.serve(token, clientIp(req));
      const text = served.contentType.startsWith('text/') || served.contentType === 'application/json';
      res
        .status(200)
        .set({
          ...SERVED_HEADERS,
          'content-type': text ? `${served.contentType}; charset=utf-8` : served.contentType,
          'content-disposition': text || served.contentType === 'application/pdf' ? 'attachment' : 'inline',
        })
        .send(served.bytes);
    } catch (err) {
      if (!isArtifactRejection(err)) throw err;
      // Never the token: it may still be valid for someone else's download.
      logger.warn({ 'raize.operation': 'artifact.download', 'raize.outcome': err.reason }, 'artifact download refused');
      res.status(REJECTION_STATUS[err.reason]).set(SERVED_HEADERS).json(rejectionBody(err.reason, err.message));
    }
  }

  @Post('upload')
  @HttpCode(201)
  @UseGuards(ActorGuard)
  async upload(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() req: StreamingRequest,
    @Res() res: PlainResponse,
  ): Promise<void> {
    const q = uploadArtifactQuery.safeParse(query);
    if (!q.success) throw new AppError(AppErrorCode.BadInput, 'upload needs ?clientId=<uuid>&kind=<artifact kind>');
    const bodyType = header(req, 'content-type')?.split(';')[0].trim().toLowerCase();
    if (bodyType !== 'application/octet-stream')
      throw new AppError(
        AppErrorCode.BadInput,
        `send the bytes as application/octet-stream and state their type in ${CLAIMED_TYPE_HEADER}`,
      );
    const length = header(req, 'content-length');
    try {
      const ref = await this.artifacts.upload(actor, q.data, {
        declaredLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined,
        claimedType: header(req, CLAIMED_TYPE_HEADER),
        // Stopping early must not destroy the socket, or the 413 could never be sent back.
        stream: req.iterator({ destroyOnReturn: false }),
      });
      res.status(201).set({ 'cache-control': 'no-store' }).json(ref);
    } catch (err) {
      if (!isArtifactRejection(err)) throw err;
      res
        .status(REJECTION_STATUS[err.reason])
        .set({ 'cache-control': 'no-store', connection: 'close' })
        .json(rejectionBody(err.reason, err.message));
    }
  }
}
