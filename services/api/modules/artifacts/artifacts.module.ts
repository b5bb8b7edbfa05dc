import { Module } from '@nestjs/common';
import { artifactStoreProvider, ARTIFACT_STORE } from './artifact-store.provider';
import { ArtifactsController } from './artifacts.controller';
import { ArtifactsService } from './artifacts.service';

/** Signed-link downloads and operator uploads of the artifact store; other modules may inject ARTIFACT_STORE. */
@Module({
  providers: [artifactStoreProvider, ArtifactsService],
  controllers: [ArtifactsController],
  exports: [ARTIFACT_STORE],
})
export class ArtifactsModule {}
