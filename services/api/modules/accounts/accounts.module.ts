import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { OAuthCallbackController } from './oauth-callback.controller';

@Module({
  providers: [AccountsResolver, AccountsService],
  controllers: [OAuthCallbackController],
  exports: [AccountsService],
})
export class AccountsModule {}
