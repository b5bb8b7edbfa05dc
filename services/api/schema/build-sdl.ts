import { ClientReviewResolver, PostClientReviewResolver } from '../modules/client-review/client-review.resolver';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AuthResolver } from '../auth/auth.resolver';
import { AccountsResolver } from '../modules/accounts/accounts.resolver';
import { AlertsResolver } from '../modules/alerts/alerts.resolver';
import { PlatformsResolver } from '../modules/accounts/platforms.resolver';
import { AssetsResolver } from '../modules/assets/assets.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { BrowserProfilesResolver } from '../modules/browser-profiles/browser-profiles.resolver';
import { RestrictedPlatformsResolver } from '../modules/browser-profiles/restricted-platforms.resolver';
import { ClientsResolver } from '../modules/clients/clients.resolver';
import { ConnectorHealthResolver } from '../modules/connector-health/connector-health.resolver';
import { DiagnosticsResolver } from '../modules/diagnostics/diagnostics.resolver';
import { GatewayResolver } from '../modules/gateway/gateway.resolver';
import { HealthResolver } from '../modules/health/health.resolver';
import { KillSwitchesResolver } from '../modules/kill-switches/kill-switches.resolver';
import { PostBrowserProofResolver } from '../modules/posts/post-browser-proof.resolver';
import { PostTemporalLinkResolver } from '../modules/posts/post-temporal-link.resolver';
import { PostTraceLinkResolver } from '../modules/posts/post-trace-link.resolver';
import { PostsResolver } from '../modules/posts/posts.resolver';
import { ReasonResolver } from '../modules/posts/reason.resolver';
import { BrandKitResolver } from '../modules/brand/brand-kit.resolver';
import { KbSourcesResolver } from '../modules/brand/kb-sources.resolver';
import { ImportsResolver } from '../modules/imports/imports.resolver';
import { PlansResolver } from '../modules/plans/plans.resolver';
import { ProvidersResolver } from '../modules/providers/providers.resolver';
import { QueueSlotsResolver } from '../modules/queue-slots/queue-slots.resolver';
import { InboxResolver } from '../modules/inbox/inbox.resolver';
import { ReviewResolver } from '../modules/review/review.resolver';
import { WebhooksResolver } from '../modules/webhooks/webhooks.resolver';
import { ReportsResolver } from '../modules/reports/reports.resolver';
import { PostReceiptResolver } from '../modules/receipts/post-receipt.resolver';

export const RESOLVERS = [
  AuthResolver,
  ClientsResolver,
  AccountsResolver,
  PlatformsResolver,
  AssetsResolver,
  PostsResolver,
  ReasonResolver,
  PostTemporalLinkResolver,
  PostTraceLinkResolver,
  PostBrowserProofResolver,
  KillSwitchesResolver,
  AuditResolver,
  HealthResolver,
  AlertsResolver,
  BrandKitResolver,
  KbSourcesResolver,
  ProvidersResolver,
  PlansResolver,
  ReviewResolver,
  ImportsResolver,
  QueueSlotsResolver,
  InboxResolver,
  ConnectorHealthResolver,
  WebhooksResolver,
  ReportsResolver,
  ClientReviewResolver,
  PostClientReviewResolver,
  DiagnosticsResolver,
  PostReceiptResolver,
  GatewayResolver,
  BrowserProfilesResolver,
  RestrictedPlatformsResolver,
];

const HEADER = '# Generated from the code-first resolvers by `npm run schema:emit`; CI fails when it drifts.\n\n';

/** The API's GraphQL SDL, built from the resolvers alone (no database, no server). */
export async function buildSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
    return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
  }
}
