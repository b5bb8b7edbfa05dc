import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module';
import { PostsModule } from '../posts/posts.module';
import { ImportsResolver } from './imports.resolver';
import { ImportsService } from './imports.service';

@Module({ imports: [ArtifactsModule, PostsModule], providers: [ImportsResolver, ImportsService] })
export class ImportsModule {}
