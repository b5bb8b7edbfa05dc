import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { AuditResolver } from './audit.resolver';

@Module({ imports: [PostsModule], providers: [AuditResolver] })
export class AuditModule {}
