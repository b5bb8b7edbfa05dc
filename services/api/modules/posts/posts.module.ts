import { Module } from '@nestjs/common';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';
import { ReasonResolver } from './reason.resolver';

@Module({ providers: [PostsResolver, ReasonResolver, PostsService], exports: [PostsService] })
export class PostsModule {}
