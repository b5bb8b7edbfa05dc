import { Module } from '@nestjs/common';
import { DiagnosticsAccess } from './diagnostics-access.service';
import { DiagnosticsResolver } from './diagnostics.resolver';
import { DiagnosticsService } from './diagnostics.service';
import { EpisodeActionsService } from './episode-actions.service';
import { EpisodeReplayService } from './episode-replay.service';

@Module({
  providers: [DiagnosticsResolver, DiagnosticsAccess, DiagnosticsService, EpisodeActionsService, EpisodeReplayService],
})
export class DiagnosticsModule {}
