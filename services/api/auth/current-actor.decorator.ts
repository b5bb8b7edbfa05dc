import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from './actor';
import { requestOf } from './actor.guard';

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = requestOf(ctx).actor;
  if (!actor) throw new Error('CurrentActor used on a route without ActorGuard');
  return actor;
});
