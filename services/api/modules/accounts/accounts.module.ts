import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { ConnectCallbackService } from './connect/connect-callback.service';
import { ConnectSweeper } from './connect/connect-sweeper';
import { OAuthCallbackController } from './oauth-callback.controller';
import { PlatformsResolver } from './platforms.resolver';

@Module({
  providers: [AccountsResolver, PlatformsResolver, AccountsService, ConnectCallbackService, ConnectSweeper],
  controllers: [OAuthCallbackController],
  exports: [AccountsService],
})
export class AccountsModule {}
