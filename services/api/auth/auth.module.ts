import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessService } from './access.service';
import { ActorGuard } from './actor.guard';
import { ApiTokenService } from './api-token.service';
import { AuthResolver } from './auth.resolver';
import { LoginService } from './login.service';
import { SecondFactorService } from './second-factor.service';
import { SessionService } from './session.service';
import { TotpEnrolmentService } from './totp-enrolment.service';
import { TokenScopeGuard } from './token-scope.guard';

@Global()
@Module({
  providers: [
    AccessService,
    ActorGuard,
    SessionService,
    ApiTokenService,
    LoginService,
    SecondFactorService,
    TotpEnrolmentService,
    AuthResolver,
    // Global: every mutation, whichever module adds it, is held to its declared API token scope (C-09).
    { provide: APP_GUARD, useClass: TokenScopeGuard },
  ],
  exports: [AccessService, ActorGuard, SessionService, ApiTokenService],
})
export class AuthModule {}
