import { Module } from '@nestjs/common';
import { KillSwitchesResolver } from './kill-switches.resolver';
import { KillSwitchesService } from './kill-switches.service';

@Module({ providers: [KillSwitchesResolver, KillSwitchesService] })
export class KillSwitchesModule {}
