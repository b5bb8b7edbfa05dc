import { Module } from '@nestjs/common';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';

@Module({ providers: [PostsResolver, PostsService], exports: [PostsService] })
export class PostsModule {}
