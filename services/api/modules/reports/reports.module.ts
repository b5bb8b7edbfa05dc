import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module';
import { ReportLinkController } from './report-link.controller';
import { ReportLinkService } from './report-link.service';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** Client reports (issue #14): the GraphQL side for operators, and the read-only link `/r/<token>` for clients. */
@Module({
  imports: [ArtifactsModule],
  providers: [ReportsResolver, ReportsService, ReportLinkService],
  controllers: [ReportLinkController],
})
export class ReportsModule {}
