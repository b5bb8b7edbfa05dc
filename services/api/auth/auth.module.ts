import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { ActorGuard } from './actor.guard';
import { ApiTokenService } from './api-token.service';
import { AuthResolver } from './auth.resolver';
import { LoginService } from './login.service';
import { SessionService } from './session.service';

@Global()
@Module({
  providers: [AccessService, ActorGuard, SessionService, ApiTokenService, LoginService, AuthResolver],
  exports: [AccessService, ActorGuard, SessionService, ApiTokenService],
})
export class AuthModule {}
