import { Module } from '@nestjs/common';
import { AccountLaneService } from './account-lane.service';
import { AgencyAdminAccess } from './agency-admin.access';
import { BrowserProfilesResolver } from './browser-profiles.resolver';
import { BrowserProfilesService } from './browser-profiles.service';
import { RestrictedPlatformsResolver } from './restricted-platforms.resolver';
import { RestrictedPlatformsService } from './restricted-platforms.service';

@Module({
  providers: [
    BrowserProfilesResolver,
    RestrictedPlatformsResolver,
    BrowserProfilesService,
    AccountLaneService,
    RestrictedPlatformsService,
    AgencyAdminAccess,
  ],
})
export class BrowserProfilesModule {}
