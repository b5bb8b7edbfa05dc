import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { requestOf } from '../../auth/actor.guard';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { CodecAccessService } from './codec-access.service';

/** Runs after CodecAuthGuard: a signed-in operator who is not allowed to read payloads gets 403. */
@Injectable()
export class CodecAccessGuard implements CanActivate {
  constructor(private readonly access: CodecAccessService) {}

  canActivate(ctx: ExecutionContext): boolean {
    const actor = requestOf(ctx).actor;
    if (!actor) throw new AppError(AppErrorCode.Unauthenticated, 'sign in first');
    if (!this.access.mayUseCodec(actor))
      throw new AppError(AppErrorCode.Forbidden, 'only platform staff may decode Temporal payloads');
    return true;
  }
}
