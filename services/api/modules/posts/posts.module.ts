import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module';
import { PostBrowserProofResolver } from './post-browser-proof.resolver';
import { PostBrowserProofService } from './post-browser-proof.service';
import { PostTemporalLinkResolver } from './post-temporal-link.resolver';
import { PostTraceLinkResolver } from './post-trace-link.resolver';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';
import { PostsCalendarService } from './posts-calendar.service';
import { ReasonResolver } from './reason.resolver';

@Module({
  // The artifact store signs the browser lane's proof links (C-44, C-46).
  imports: [ArtifactsModule],
  providers: [
    PostsResolver,
    ReasonResolver,
    PostTemporalLinkResolver,
    PostTraceLinkResolver,
    PostsService,
    PostsCalendarService,
    PostBrowserProofResolver,
    PostBrowserProofService,
  ],
  exports: [PostsService],
})
export class PostsModule {}
