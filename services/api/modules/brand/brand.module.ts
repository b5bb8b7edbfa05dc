import { Module } from '@nestjs/common';
import { fetchOptionsFromEnv } from '../../../core/net/guarded-fetch';
import type { KbIngestDeps } from '../../../core/knowledge/kb-ingest';
import { BrandKitResolver } from './brand-kit.resolver';
import { BrandKitService } from './brand-kit.service';
import { KbSourcesResolver } from './kb-sources.resolver';
import { KB_INGEST_DEPS, KbSourcesService } from './kb-sources.service';

@Module({
  providers: [
    BrandKitResolver,
    BrandKitService,
    KbSourcesResolver,
    KbSourcesService,
    // Read when the app is built: a bad RAIZE_FETCH_ALLOW_PRIVATE stops the API at start-up (C-35).
    { provide: KB_INGEST_DEPS, useFactory: (): KbIngestDeps => ({ fetchOptions: fetchOptionsFromEnv() }) },
  ],
})
export class BrandModule {}
