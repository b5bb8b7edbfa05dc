import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { ActorGuard } from './actor.guard';

@Global()
@Module({ providers: [AccessService, ActorGuard], exports: [AccessService, ActorGuard] })
export class AuthModule {}
