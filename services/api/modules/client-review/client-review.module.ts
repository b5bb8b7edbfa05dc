import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module';
import { ClientReviewResolver, PostClientReviewResolver } from './client-review.resolver';
import { ClientReviewService } from './client-review.service';
import { PortalAccessService } from './portal/portal-access.service';
import { PortalController } from './portal/portal.controller';
import { PortalGuard } from './portal/portal.guard';
import { PortalService } from './portal/portal.service';
import { ReviewLinksService } from './review-links.service';

/** The client's side of approvals (issue #14): reviewers and links for operators, and the review portal. */
@Module({
  // The API's one artifact store (portal previews sign media links with it), not a second instance of its own.
  imports: [ArtifactsModule],
  controllers: [PortalController],
  providers: [
    ClientReviewResolver,
    PostClientReviewResolver,
    ClientReviewService,
    ReviewLinksService,
    PortalAccessService,
    PortalService,
    PortalGuard,
  ],
})
export class ClientReviewModule {}
