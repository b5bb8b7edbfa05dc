import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from './auth/auth.module';
import { AppErrorFilter } from './errors/app-error.filter';
import { formatGraphqlError } from './errors/format-graphql-error';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AssetsModule } from './modules/assets/assets.module';
import { AuditModule } from './modules/audit/audit.module';
import { ClientsModule } from './modules/clients/clients.module';
import { HealthModule } from './modules/health/health.module';
import { KillSwitchesModule } from './modules/kill-switches/kill-switches.module';
import { PostsModule } from './modules/posts/posts.module';
import { PlatformModule } from './platform/platform.module';

const production = process.env.RAIZE_ENV === 'production';

export const FEATURE_MODULES = [ClientsModule, AccountsModule, AssetsModule, PostsModule, KillSwitchesModule, AuditModule, HealthModule];

@Module({
  imports: [
    PlatformModule,
    AuthModule,
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      // Built in memory; schema/schema.graphql is written by `npm run schema:emit` and checked for drift.
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      playground: false,
      introspection: !production,
      includeStacktraceInErrorResponses: false,
      formatError: formatGraphqlError,
      context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    }),
    ...FEATURE_MODULES,
  ],
  providers: [{ provide: APP_FILTER, useClass: AppErrorFilter }],
})
export class AppModule {}
