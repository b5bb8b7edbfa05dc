import { Module } from '@nestjs/common';
import { artifactStoreProvider } from '../artifacts/artifact-store.provider';
import { ClientReviewResolver, PostClientReviewResolver } from './client-review.resolver';
import { ClientReviewService } from './client-review.service';
import { PortalAccessService } from './portal/portal-access.service';
import { PortalController } from './portal/portal.controller';
import { PortalGuard } from './portal/portal.guard';
import { PortalService } from './portal/portal.service';
import { ReviewLinksService } from './review-links.service';

/** The client's side of approvals (issue #14): reviewers and links for operators, and the review portal. */
@Module({
  controllers: [PortalController],
  providers: [
    ClientReviewResolver,
    PostClientReviewResolver,
    ClientReviewService,
    ReviewLinksService,
    PortalAccessService,
    PortalService,
    PortalGuard,
    artifactStoreProvider,
  ],
})
export class ClientReviewModule {}
