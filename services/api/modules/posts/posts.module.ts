import { Module } from '@nestjs/common';
import { PostTemporalLinkResolver } from './post-temporal-link.resolver';
import { PostTraceLinkResolver } from './post-trace-link.resolver';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';
import { PostsCalendarService } from './posts-calendar.service';
import { ReasonResolver } from './reason.resolver';

@Module({
  providers: [
    PostsResolver,
    ReasonResolver,
    PostTemporalLinkResolver,
    PostTraceLinkResolver,
    PostsService,
    PostsCalendarService,
  ],
  exports: [PostsService],
})
export class PostsModule {}
