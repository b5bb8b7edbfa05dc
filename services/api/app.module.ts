import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { raizeEnv } from '../core/config/app-config';
import { AuthModule } from './auth/auth.module';
import { AppErrorFilter } from './errors/app-error.filter';
import { formatGraphqlError } from './errors/format-graphql-error';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { ArtifactsModule } from './modules/artifacts/artifacts.module';
import { AssetsModule } from './modules/assets/assets.module';
import { AuditModule } from './modules/audit/audit.module';
import { BrandModule } from './modules/brand/brand.module';
import { BrowserProfilesModule } from './modules/browser-profiles/browser-profiles.module';
import { ClientsModule } from './modules/clients/clients.module';
import { ClientReviewModule } from './modules/client-review/client-review.module';
import { CodecModule } from './modules/codec/codec.module';
import { ConnectorHealthModule } from './modules/connector-health/connector-health.module';
import { DiagnosticsModule } from './modules/diagnostics/diagnostics.module';
import { GatewayModule } from './modules/gateway/gateway.module';
import { HealthModule } from './modules/health/health.module';
import { KillSwitchesModule } from './modules/kill-switches/kill-switches.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { PlansModule } from './modules/plans/plans.module';
import { PostsModule } from './modules/posts/posts.module';
import { ImportsModule } from './modules/imports/imports.module';
import { QueueSlotsModule } from './modules/queue-slots/queue-slots.module';
import { InboxModule } from './modules/inbox/inbox.module';
import { ProvidersModule } from './modules/providers/providers.module';
import { ReviewModule } from './modules/review/review.module';
import { WebAppModule } from './modules/web-app/web-app.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { ReportsModule } from './modules/reports/reports.module';
import { ReceiptsModule } from './modules/receipts/receipts.module';
import { PlatformModule } from './platform/platform.module';
import { noStorePlugin } from './security/no-store.plugin';
import { queryLimits } from './security/query-limits';
import { ActorRateLimitInterceptor } from './security/actor-rate-limit.interceptor';
import { RateLimitGuard } from './security/rate-limit.guard';
import { RateLimits } from './security/rate-limits';
import { TelemetryInterceptor } from './telemetry.interceptor';
import { TenancyInterceptor } from './tenancy.interceptor';

export const FEATURE_MODULES = [
  ClientsModule,
  AccountsModule,
  ConnectorHealthModule,
  AssetsModule,
  ArtifactsModule,
  PlansModule,
  PostsModule,
  ImportsModule,
  QueueSlotsModule,
  InboxModule,
  ProvidersModule,
  ReviewModule,
  KillSwitchesModule,
  AuditModule,
  BrandModule,
  HealthModule,
  MetricsModule,
  AlertsModule,
  CodecModule,
  WebAppModule,
  WebhooksModule,
  ReportsModule,
  ClientReviewModule,
  DiagnosticsModule,
  ReceiptsModule,
  GatewayModule,
  BrowserProfilesModule,
];

@Module({
  imports: [
    PlatformModule,
    AuthModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      // Read when the app is built (not when this file is imported), so configuration decides.
      useFactory: (): ApolloDriverConfig => {
        // Unset means production (C-15).
        const production = raizeEnv() === 'production';
        return {
          // Built in memory; schema/schema.graphql is written by `npm run schema:emit` and checked for drift.
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          // No introspection in production (C-08): the committed SDL documents the API.
          introspection: !production,
          // Apollo refuses "simple" cross-site requests (form posts) outright; cookies are SameSite=Strict and
          // mutations need the CSRF token too (C-07).
          csrfPrevention: true,
          validationRules: [
            queryLimits(
              Number(process.env.RAIZE_GRAPHQL_MAX_DEPTH ?? 10),
              Number(process.env.RAIZE_GRAPHQL_MAX_COST ?? 2000),
            ),
          ],
          // `no-store` once per answer instead of Apollo's cache-control plugin, which hooks every field of every row.
          plugins: [ApolloServerPluginCacheControlDisabled(), noStorePlugin()],
          includeStacktraceInErrorResponses: false,
          formatError: (formatted, original) =>
            formatGraphqlError(formatted, original, { hideSuggestions: production }),
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        };
      },
    }),
    ...FEATURE_MODULES,
  ],
  providers: [
    { provide: APP_FILTER, useClass: AppErrorFilter },
    RateLimits,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_INTERCEPTOR, useClass: TelemetryInterceptor },
    // After every guard, so after ActorGuard: the per-operator budget (C-10), before a connection is taken.
    { provide: APP_INTERCEPTOR, useClass: ActorRateLimitInterceptor },
    { provide: APP_INTERCEPTOR, useClass: TenancyInterceptor },
  ],
})
export class AppModule {}
