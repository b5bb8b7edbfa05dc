import { join } from 'node:path';
// The main job: `npm run demo` (deploy/local/demo.sh) starts the whole stack and runs one publishing
// episode for a demo client; `npm run stack` (--stack-only) starts the stack and seeds nothing.
import 'reflect-metadata';
import { ConfigError } from '../../services/core/config/config-error';
import type { LocalStack } from './stack/local-stack';
import { startLocalStack } from './stack/local-stack';
import { Progress, ReportedError } from './stack/progress';
import type { CreationResult } from './stack/creation-episode';
import type { EpisodeResult } from './stack/publish-episode';
import { berlinTime, temporalLink } from './stack/publish-episode';
import type { EpisodeName } from './stack/all-episodes';
import { runAllEpisodes } from './stack/all-episodes';
import { DEMO } from './stack/demo-tenant';
import type { PlatformEpisodeResult } from './stack/platform-episode';
import type { ClientReviewResult } from './stack/client-review-episode';
import type { EngagementResult } from './stack/engagement-episode';
import type { RealPlatformId } from '../../services/core/config/platform-config';
import { REAL_PLATFORM_IDS } from '../../services/core/config/platform-config';
import { Shutdown } from './stack/shutdown';

const USAGE = `usage: node dist/deploy/local/demo.js [--platform <id>|all] [--lane api|browser] [--keep-running | --stack-only] [--jaeger] [--cluster]

  (no flag)          start the stack, run the demo episodes, stop everything; exit 0 when every post is verified
  --platform <id>    publish with media on this real platform's local emulator only: ${REAL_PLATFORM_IDS.join(', ')};
                     "all" (the default) for every one of them, "none" for the sandbox only
  --lane browser     publish the first post through the browser lane: the brand's browser profile, enabled by two
                     Admins, posts through the sandbox's web pages in Debian's Chromium, with proof (default: api)
  --keep-running     run the episodes, then leave the stack up until Ctrl-C
  --stack-only       start the stack, seed nothing, keep running until Ctrl-C (npm run stack)
  --jaeger           start Jaeger too; every service exports its traces there (also RAIZE_JAEGER=1)
  --cluster          the production topology (docs/cluster.md): the Temporal server's frontend, two history, matching
                     and worker processes on Postgres, two API replicas behind a reverse proxy, two workers per lane

Environment (all optional): DATABASE_URL, RAIZE_DATA_DIR, API_PORT, SANDBOX_URL, RAIZE_EMBEDDED_POSTGRES=1,
RAIZE_DEMO_TIMEOUT_SECONDS (default 90), RAIZE_VERIFY_INTERVAL_SECONDS (default 2 here); see README.md.`;

interface Options {
  keepRunning: boolean;
  stackOnly: boolean;
  jaeger: boolean;
  cluster: boolean;
  platforms: RealPlatformId[];
  lane: 'api' | 'browser';
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    keepRunning: false,
    stackOnly: false,
    jaeger: false,
    cluster: false,
    platforms: [],
    lane: 'api',
  };
  let chosePlatforms = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--platform' || a.startsWith('--platform=')) {
      const v = a.includes('=') ? a.slice('--platform='.length) : argv[++i];
      chosePlatforms = true;
      if (v === 'none') continue;
      const chosen = v === 'all' ? [...REAL_PLATFORM_IDS] : REAL_PLATFORM_IDS.filter((p) => p === v);
      if (!chosen.length) {
        console.error(
          `--platform must be one of ${REAL_PLATFORM_IDS.join(', ')}, all or none, not "${v ?? ''}"\n\n${USAGE}`,
        );
        process.exit(2);
      }
      o.platforms.push(...chosen.filter((p) => !o.platforms.includes(p)));
    } else if (a === '--lane' || a.startsWith('--lane=')) {
      const v = a.includes('=') ? a.slice('--lane='.length) : argv[++i];
      if (v !== 'api' && v !== 'browser') {
        console.error(`--lane must be api or browser, not "${v ?? ''}"\n\n${USAGE}`);
        process.exit(2);
      }
      o.lane = v;
    } else if (a === '--keep-running') o.keepRunning = true;
    else if (a === '--stack-only') o.stackOnly = true;
    else if (a === '--jaeger') o.jaeger = true;
    else if (a === '--cluster') o.cluster = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`unknown argument ${a}\n\n${USAGE}`);
      process.exit(2);
    }
  }
  if (!chosePlatforms) o.platforms = [...REAL_PLATFORM_IDS];
  return o;
}

const rule = (title: string) => `\n── ${title} ${'─'.repeat(Math.max(4, 96 - title.length))}`;

function printLinks(stack: LocalStack, actorHint?: string): void {
  const lines = [
    ['GraphQL', `${stack.graphqlUrl}${actorHint ? `   (sign in with signIn(email, password); ${actorHint})` : ''}`],
    ['Admin app', `${stack.apiUrl}/   (sign in as a demo operator)`],
    ['API health', `${stack.apiUrl}/health`],
    stack.temporal.uiUrl
      ? ['Temporal Web', `${stack.temporal.uiUrl}/namespaces/${stack.namespace}/workflows`]
      : ['Temporal', `${stack.temporal.address} (cluster: no Temporal Web; temporal workflow list --address …)`],
    ...(stack.cluster
      ? [
          [
            'Cluster',
            `${stack.cluster.apis.length} API replicas behind ${stack.apiUrl}, ${stack.cluster.workers.length} workers (2 per lane), Temporal processes ${stack.cluster.temporal?.processes.map((p) => p.id).join(', ')}`,
          ],
        ]
      : []),
    ...(stack.traceUiUrl ? [['Traces', `${stack.traceUiUrl}/search   (Jaeger; a post's page links its trace)`]] : []),
    ['Sandbox', `${stack.sandboxUrl}   (the local social platform)`],
    ['Mail catcher', `${stack.mailCatcherUrl}/messages   (mail the stack sent: review links, reports, alerts)`],
    ['Tool gateway', `${stack.gatewayUrl}   (MCP: the AI steps' tools; assistants connect with an API token)`],
    [
      'Postgres',
      `${stack.postgres.kind === 'machine' ? 'MACHINE' : 'EMBEDDED (fallback)'}: ${stack.postgres.description}`,
    ],
    ['Logs', `${stack.logDir}/{temporal,sandbox,emulators,gateway,worker,api,browser}.log`],
  ];
  for (const [k, v] of lines) console.log(`  ${k.padEnd(13)} ${v}`);
}

function printEpisode(r: EpisodeResult, stack: LocalStack): void {
  const who = new Map([
    [`user:${r.tenant.authorId}`, `${DEMO.author.name}, ${DEMO.author.role}`],
    [`user:${r.tenant.approverId}`, `${DEMO.approver.name}, ${DEMO.approver.role}`],
  ]);
  const names = new Map([
    [r.tenant.authorId, DEMO.author.name],
    [r.tenant.approverId, DEMO.approver.name],
  ]);
  const p = r.post;
  console.log(rule(`Demo episode: post ${p.status.toUpperCase()}`));
  console.log(`  Client        ${DEMO.client} (${DEMO.agency}), account ${r.handle} on the sandbox`);
  console.log(
    `  Post          ${p.id}  status ${p.status}, scheduled ${berlinTime(p.scheduledAt)}, published ${p.publishedAt ? berlinTime(p.publishedAt) : '-'}, verified ${p.verifiedAt ? berlinTime(p.verifiedAt) : '-'} (${DEMO.timezone})`,
  );
  console.log(
    `  Approvals     ${p.approvals.map((a) => `${names.get(a.approverId) ?? a.approverId} as ${a.role}`).join('; ') || '-'}`,
  );
  console.log(`  Post URL      ${p.url}`);
  console.log(`  On platform   ${r.onPlatform ? 'yes, with the exact text of the asset' : 'found, text differs'}`);
  console.log('  Proof');
  const proof = p.proof ? JSON.stringify(JSON.parse(p.proof), null, 2) : '(none)';
  for (const line of proof.split('\n')) console.log(`      ${line}`);
  console.log(`  Audit trail   (${r.audit.length} events, oldest first)`);
  for (const e of r.audit) {
    const actor = who.has(e.actor) ? `${e.actor} (${who.get(e.actor)})` : e.actor;
    console.log(`      ${new Date(e.createdAt).toISOString().slice(11, 23)}  ${e.action.padEnd(22)} ${actor}`);
  }
  const chain = r.chain;
  console.log(
    `  Audit chain   ${chain.ok ? 'OK' : 'BROKEN'}: ${chain.count} events of the client's hash chain checked${chain.problems.length ? `; problems: ${chain.problems.map((x) => `#${x.seq} ${x.problem}`).join('; ')}` : ', no problems'}`,
  );
  console.log(`  Workflow      ${p.workflowId}`);
  console.log(`  Temporal link ${temporalLink(stack, p.workflowId)}`);
  printLinks(stack, `operators and their generated passwords: ${join(stack.dataDir, 'demo-operators.json')}`);
}

function printCreation(r: CreationResult, stack: LocalStack): void {
  console.log(rule(`Planning and creation: plan ${r.planId} ${r.planWorkflowStatus}, ${r.items.length} posts`));
  for (const i of r.items) {
    const p = i.post;
    console.log(`  ${i.format.padEnd(6)} ${i.pillar}: “${i.text.slice(0, 80)}${i.text.length > 80 ? '…' : ''}”`);
    console.log(
      `         media ${i.media ? `${i.media.contentType}, ${i.media.bytes} bytes (${i.onPlatformMedia} on the platform)` : 'none'}; post ${p.status} at ${p.url}`,
    );
    console.log(
      `         approvals ${p.approvals.map((a) => a.role).join(', ') || '-'}; workflow ${temporalLink(stack, p.workflowId)}`,
    );
  }
}

function printEngagement(r: EngagementResult): void {
  for (const c of r.comments) {
    const conv = c.conversation!;
    console.log(`  ${c.label.padEnd(10)} “${c.text.slice(0, 70)}${c.text.length > 70 ? '…' : ''}”`);
    console.log(
      `             → ${conv.status}${conv.intent ? ` (intent ${conv.intent})` : ''}${conv.flags.length ? `, flags ${conv.flags.join(', ')}` : ''}`,
    );
    if (conv.why.length) console.log(`             why: ${conv.why.slice(0, 2).join('; ')}`);
    if (c.reply) console.log(`             replied: “${c.reply}”`);
    if (c.hiddenOnPlatform) console.log('             hidden on the platform');
  }
}

function printClientReview(r: ClientReviewResult): void {
  console.log(`  Reviewer      ${r.reviewer} (client side, no account), by review link + one-time code`);
  console.log(`  Post          ${r.postId}: held at its slot for the client: ${r.waitedForClient ? 'yes' : 'no'}`);
  console.log(`  Approvals     ${r.approvals.map((a) => a.role).join(' then ')}`);
  console.log(`  Link          ${r.url}`);
  console.log(`  Portal        ${r.portalUrl} (open a review link from the mail catcher to see it)`);
}

function printPlatformEpisode(r: PlatformEpisodeResult, stack: LocalStack): void {
  console.log(`  Account       ${r.handle} on ${r.platform}`);
  console.log(`  Post          ${r.post.id}: ${r.post.status}, platform post ${r.post.platformPostId}`);
  console.log(`  Link          ${r.post.url}`);
  const m = r.proof.media?.[0];
  if (m)
    console.log(`  Media         ${r.mediaKind} ${m.contentType}, ${m.size} bytes, sha256 ${m.sha256.slice(0, 16)}…`);
  if (r.proof.usage?.length)
    console.log(`  Metered       ${r.proof.usage.map((u) => `${u.amount} ${u.unit} (${u.operation})`).join(', ')}`);
  if (r.proof.warnings?.length) console.log(`  Warnings      ${r.proof.warnings.join('; ')}`);
  console.log(`  Temporal      ${temporalLink(stack, r.post.workflowId)}`);
}

async function main(): Promise<void> {
  // A development stack: Raize processes default to production (C-15), so the launcher says what it runs, for
  // its own code (seeding) and for every process it starts. RAIZE_ENV=production here is refused by the sandbox.
  process.env.RAIZE_ENV ||= 'development';
  const opts = parseArgs(process.argv.slice(2));
  const timeoutSeconds = Number(process.env.RAIZE_DEMO_TIMEOUT_SECONDS ?? 90);
  if (!(timeoutSeconds > 0)) {
    console.error(
      `RAIZE_DEMO_TIMEOUT_SECONDS must be a positive number of seconds, not "${process.env.RAIZE_DEMO_TIMEOUT_SECONDS}"`,
    );
    process.exit(2);
  }
  const progress = new Progress();
  const shutdown = new Shutdown(progress);
  shutdown.install();
  console.log(
    opts.stackOnly
      ? 'Raize local stack: starting (Ctrl-C stops it)'
      : "Raize demo: starting the local stack, then a publishing episode, comments on it routed and answered by the engagement episode, publishing with media on the real platforms' emulators, then planning → creation → review → publishing with media, then a post an operator's assistant drafts and schedules through the MCP tool gateway, then a post the client approves in the review portal",
  );

  let stack: LocalStack | undefined;
  try {
    // A quick read-back so a demo post verifies in seconds (overridable). The demo's operators sign in with
    // email and password like everyone else; there is no development login here.
    const serviceDefaults: Record<string, string> = { RAIZE_VERIFY_INTERVAL_SECONDS: '2' };
    stack = await startLocalStack({
      progress,
      serviceDefaults,
      attach: (h) => shutdown.attach(h),
      jaeger: opts.jaeger,
      cluster: opts.cluster,
    });
    const up = stack;
    if (opts.stackOnly) {
      console.log(rule('Raize is up'));
      printLinks(up);
      console.log('\n  Nothing was seeded. Ctrl-C stops everything (services first, Temporal last).');
      await up.failed;
      return;
    }
    const titles: Record<EpisodeName, (detail?: string) => string | undefined> = {
      publish: () => undefined,
      engagement: () => 'Engagement episode: comments on the new post',
      platform: (p) => `Publishing on ${p} (its local emulator)`,
      creation: () => 'Planning and creation episodes',
      assistant: () => "An operator's assistant through the MCP tool gateway",
      'client-review': () => 'Client review: the client approves in the portal',
    };
    await runAllEpisodes(
      up,
      progress,
      { timeoutSeconds, lane: opts.lane, platforms: opts.platforms },
      {
        before: (name, detail) => {
          const title = titles[name](detail);
          if (title) console.log(rule(title));
        },
        publish: (r) => printEpisode(r, up),
        engagement: printEngagement,
        platform: (r) => printPlatformEpisode(r, up),
        creation: (r) => printCreation(r, up),
        assistant: (r) => console.log(`  Assistant's post  ${r.post.status.toUpperCase()}  ${r.post.url ?? ''}`),
        clientReview: printClientReview,
      },
    );
    if (opts.keepRunning) {
      console.log('\n  The stack keeps running (--keep-running). Ctrl-C stops everything.');
      await up.failed;
      return;
    }
    console.log('');
    await up.stop();
    console.log('Raize demo: passed.');
    process.exit(0);
  } catch (err) {
    if (shutdown.requested) return; // the signal handler stops the stack and exits
    const e = err as Error;
    if (e instanceof ConfigError) console.error(`\n${e.message}`);
    else if (!(e instanceof ReportedError)) console.error(`\n✗ ${e.message}`);
    console.error(`\nRaize ${opts.stackOnly ? 'stack' : 'demo'}: FAILED${stack ? ` (logs in ${stack.logDir})` : ''}`);
    await shutdown.exit(1);
  }
}

void main();
