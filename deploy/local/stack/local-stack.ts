import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { AppConfig } from '../../../services/core/config/app-config';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { loadTemporalConfig, withWorkerHeap } from '../../../services/core/config/temporal-config';
import { migrate } from '../../../services/core/database/migrate';
import { ensureArtifactUrlKey } from '../../../services/core/artifacts/artifact-url-signer';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import { resolveMasterKey } from '../../../services/core/secrets/master-key';
import { repoRoot } from '../../../services/core/util/repo-root';
import { toolPath } from '../../../services/core/util/tool-path';
import { DEFAULT_ADMIN_TOKEN } from '../../../services/sandbox/sandbox.server';
import { EMULATOR_PORTS } from '../../../services/core/config/platform-config';
import { DEFAULT_GATEWAY_PORT } from '../../../services/core/config/gateway-port';
import { MAIL_CATCHER_PORTS } from '../../../services/mailcatcher/mail-catcher-config';
import { ChildService } from './child-service';
import type { RunningJaeger } from './jaeger';
import { JAEGER_PORTS, jaegerConfigFile, startJaeger } from './jaeger';
import { assertPortsFree } from './port-check';
import { signToolRegistry } from './sign-tool-registry';
import type { StackPostgres } from './postgres';
import { ensurePostgres } from './postgres';
import type { Progress } from './progress';
import { RunFile } from './run-file';
import type { StackTemporal } from './temporal-server';
import { startStackTemporal } from './temporal-server';
import type { ClusterParts } from '../cluster/cluster-stack';
import { startClusterServices, startClusterTemporal } from '../cluster/cluster-stack';

export interface LocalStack {
  dataDir: string;
  logDir: string;
  postgres: StackPostgres;
  /** the dev server, or the cluster's frontend (--cluster): what every client dials, and Temporal Web if there is one */
  temporal: { address: string; uiUrl: string | null };
  /** the cluster topology's parts (--cluster): Temporal's processes, the API replicas and their proxy, the workers */
  cluster?: ClusterParts;
  namespace: string;
  apiUrl: string;
  graphqlUrl: string;
  sandboxUrl: string;
  sandboxAdminToken: string;
  /** the webhook ingest (services/ingest), and the secret the sandbox signs its webhooks to it with */
  ingestUrl: string;
  ingestSandboxSecret: string;
  /** the mail catcher's JSON API (services/mailcatcher, docs/mail.md): every mail the stack sent */
  mailCatcherUrl: string;
  /** the MCP tool gateway's endpoint (services/gateway): the AI steps' tools, and where assistants connect */
  gatewayUrl: string;
  /** the OAuth client id the API presents to the sandbox */
  oauthClientId: string;
  /** Jaeger's UI when the stack started it (--jaeger, RAIZE_JAEGER=1): the services export their traces there */
  traceUiUrl?: string;
  services: ChildService[];
  /** rejects as soon as a service dies on its own */
  failed: Promise<never>;
  stop(): Promise<void>;
  /** a second Ctrl-C: no more waiting */
  kill(): void;
}

export interface LocalStackOptions {
  progress: Progress;
  env?: NodeJS.ProcessEnv;
  /** defaults for the variables the launcher sets when the environment does not (e.g. a short verify interval) */
  serviceDefaults?: Record<string, string>;
  /** receives the stop/kill handles before anything starts, so Ctrl-C during start-up stops what began */
  attach?: (handles: { stop(): Promise<void>; kill(): void }) => void;
  /** start Jaeger and point the services' traces at it (docs/observability.md); RAIZE_JAEGER=1 does the same */
  jaeger?: boolean;
  /**
   * the production topology on this machine (docs/cluster.md): the Temporal server's services as separate processes
   * on Postgres, two API replicas behind a reverse proxy, two workers per lane
   */
  cluster?: boolean;
}

function portOf(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

/**
 * The whole Raize on one machine: Temporal dev server (history in <dataDir>/temporal.sqlite), Postgres
 * (the machine's, else embedded), migrations, then sandbox, worker and API as child processes with logs
 * in <dataDir>/logs. Anything that fails on the way stops what already started.
 */
export async function startLocalStack(o: LocalStackOptions): Promise<LocalStack> {
  const env = o.env ?? process.env;
  const { progress } = o;
  const app: AppConfig = loadAppConfig(env);
  const temporalFile = loadTemporalConfig();
  const dataDir = isAbsolute(app.dataDir) ? app.dataDir : resolve(app.dataDir);
  const logDir = join(dataDir, 'logs');
  const runDir = join(dataDir, 'run');
  const sandbox = new URL(app.sandbox.url);
  const sandboxHost = env.SANDBOX_HOST || '127.0.0.1';
  const sandboxAdminToken = env.SANDBOX_ADMIN_TOKEN || DEFAULT_ADMIN_TOKEN;
  const root = repoRoot();
  const dist = (p: string) => join(root, 'dist', p);
  const ingestPort = Number(env.RAIZE_INGEST_PORT || 4030);
  const ingestUrl = `http://127.0.0.1:${ingestPort}`;
  // Per launch unless given: the demo registers the ingest at the sandbox with it.
  const ingestSandboxSecret = env.RAIZE_INGEST_SANDBOX_SECRET || randomBytes(24).toString('hex');
  const mailHttpPort = Number(env.RAIZE_MAILCATCHER_HTTP_PORT || MAIL_CATCHER_PORTS.http);
  const mailSmtpPort = Number(env.RAIZE_MAILCATCHER_SMTP_PORT || MAIL_CATCHER_PORTS.smtp);
  const mailCatcherUrl = `http://127.0.0.1:${mailHttpPort}`;
  const gatewayPort = Number(env.RAIZE_GATEWAY_PORT || DEFAULT_GATEWAY_PORT);
  const gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;
  const gatewayUrl = `${gatewayOrigin}/mcp`;

  // /proc/<pid>/cmdline has the script as typed (often relative), so match on its name only.
  const runFile = new RunFile(join(runDir, 'stack.json'), basename(process.argv[1] ?? 'node'));
  const services: ChildService[] = [];
  let temporal: StackTemporal | undefined;
  let cluster: ClusterParts | undefined;
  let postgres: StackPostgres | undefined;
  let jaeger: RunningJaeger | undefined;
  const withJaeger = o.jaeger === true || env.RAIZE_JAEGER === '1';
  let failNow: (err: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (failNow = reject));
  failed.catch(() => undefined);

  let stopRequested = false;
  /** Between stages: a Ctrl-C during start-up must not be followed by more processes starting. */
  const notStopped = () => {
    if (stopRequested) throw new Error('start-up interrupted: the stack is stopping');
  };
  // Services first (the worker finishes its tasks against a live server), then Temporal, then the
  // embedded Postgres they all wrote to. A failing step is reported and the next one still runs. Each
  // part is forgotten once stopped, so a second pass stops only what started in the meantime.
  const quietly = (label: string, run: () => Promise<void>) => progress.step(label, run).catch(() => undefined);
  const stopAll = async () => {
    const running = services.splice(0).filter((s) => s.pid !== undefined);
    if (running.length) {
      await quietly(
        `stopping ${running
          .map((s) => s.name)
          .reverse()
          .join(', ')} (SIGTERM)`,
        () => Promise.all(running.map((s) => s.stop())).then(() => undefined),
      );
    }
    // After the services: their last spans are flushed on the way out.
    const j = jaeger;
    jaeger = undefined;
    if (j) await quietly('stopping Jaeger', () => j.stop());
    const proxy = cluster?.proxy;
    if (cluster) cluster.proxy = undefined;
    if (proxy) await quietly('stopping the API proxy', () => proxy.close());
    const t = temporal;
    temporal = undefined;
    if (t) await quietly('stopping the Temporal dev server', () => t.server.stop());
    const tc = cluster?.temporal;
    if (cluster) cluster.temporal = undefined;
    if (tc) await quietly('stopping the Temporal cluster (frontend, worker, matching, history)', () => tc.stop());
    const pg = postgres;
    postgres = undefined;
    if (pg?.kind === 'embedded') await quietly('stopping the embedded Postgres', () => pg.stop());
  };
  let stopping: Promise<void> | undefined;
  const inFlight: Promise<unknown>[] = [];
  const stop = () =>
    (stopping ??= (async () => {
      stopRequested = true;
      await stopAll();
      // A dev server still starting lives in a session of its own: wait for it, then stop it too.
      await Promise.allSettled(inFlight);
      await stopAll();
      runFile.release();
    })());
  const spawned: { kill(): void }[] = [];
  const kill = () => {
    spawned.forEach((p) => p.kill());
    cluster?.temporal?.killAll();
  };
  o.attach?.({ stop, kill });

  try {
    progress.info(`data dir ${dataDir} (logs in ${logDir})`);
    await runFile.claim((m) => progress.warn(m));
    const { ip, port: grpcPort, uiPort } = temporalFile.devServer;
    await progress.step(
      'checking ports',
      () =>
        assertPortsFree([
          { host: ip, port: grpcPort, what: 'the Temporal dev server (temporal.yaml devServer.port)' },
          { host: ip, port: uiPort, what: 'Temporal Web (temporal.yaml devServer.uiPort)' },
          { host: app.api.host, port: app.api.port, what: 'the API (API_PORT)' },
          { host: sandboxHost, port: portOf(sandbox), what: 'the sandbox platform (SANDBOX_URL)' },
          { host: '127.0.0.1', port: ingestPort, what: 'the webhook ingest (RAIZE_INGEST_PORT)' },
          { host: '127.0.0.1', port: mailHttpPort, what: 'the mail catcher (RAIZE_MAILCATCHER_HTTP_PORT)' },
          { host: '127.0.0.1', port: mailSmtpPort, what: 'the mail catcher (RAIZE_MAILCATCHER_SMTP_PORT)' },
          { host: '127.0.0.1', port: gatewayPort, what: 'the MCP tool gateway (RAIZE_GATEWAY_PORT)' },
          ...Object.entries(EMULATOR_PORTS).map(([p, port]) => ({
            host: '127.0.0.1',
            port,
            what: `the ${p} emulator`,
          })),
          ...(withJaeger
            ? (Object.entries(JAEGER_PORTS) as [string, number][]).map(([p, port]) => ({
                host: '127.0.0.1',
                port,
                what: `Jaeger (${p})`,
              }))
            : []),
        ]),
      () =>
        `${grpcPort}, ${uiPort}, ${app.api.port}, ${portOf(sandbox)}, ${gatewayPort} and the emulators' ${Object.values(EMULATOR_PORTS).join(', ')} are free`,
    );

    const forceEmbedded = env.RAIZE_EMBEDDED_POSTGRES === '1';
    // Recorded the moment each is up (not after both are), so a Ctrl-C meanwhile still finds it to stop.
    const startingTemporal = o.cluster
      ? undefined
      : startStackTemporal({
          bin: toolPath('temporal', env),
          config: temporalFile,
          dataDir,
          logDir,
          runDir,
          codecEndpoint: `${app.api.publicUrl}/codec`,
        }).then((r) => {
          temporal = r;
          const proc = r.server.process;
          spawned.push({ kill: () => proc.kill('SIGKILL') });
          runFile.add('temporal', proc.pid, 'start-dev');
          return r;
        });
    const startingPostgres = ensurePostgres({
      databaseUrl: app.databaseUrl,
      dataDir,
      forceEmbedded,
      onNote: (m) => progress.info(m),
    }).then((r) => (postgres = r));
    inFlight.push(startingPostgres, ...(startingTemporal ? [startingTemporal] : []));
    const [t, pg] = await Promise.allSettled([
      startingTemporal
        ? progress.step(
            `Temporal dev server on ${ip}:${grpcPort}`,
            () => startingTemporal,
            (r) => `UI ${r.uiUrl}, history in ${r.dbFile}`,
          )
        : Promise.resolve(undefined),
      progress.step(
        'Postgres',
        () => startingPostgres,
        (r) => r.description,
      ),
    ]);
    if (t.status === 'rejected') throw t.reason;
    if (pg.status === 'rejected') throw pg.reason;
    notStopped();
    const db = postgres!;
    progress.info(`Postgres in use: ${db.kind === 'machine' ? 'MACHINE' : 'EMBEDDED (fallback)'}: ${db.description}`);
    if (o.cluster) {
      // On Postgres, so after it: the server's own databases live on the same server as Raize's.
      const starting = startClusterTemporal({
        env,
        postgres: db,
        config: temporalFile,
        runDir,
        logDir,
        progress,
        record: (name, pid, match) => runFile.add(name, pid, match),
        isStopping: () => stopRequested,
      });
      inFlight.push(starting);
      cluster = await starting;
      notStopped();
    }
    const tmp: { address: string; uiUrl: string | null } = cluster?.temporal
      ? { address: cluster.temporal.address, uiUrl: null }
      : { address: temporal!.address, uiUrl: temporal!.uiUrl };

    await progress.step(
      'database migrations',
      () => migrate(db.url),
      (ran) => (ran.length ? `applied ${ran.join(', ')}` : 'up to date'),
    );
    // Generated here, once: the API and the worker starting side by side would otherwise race to create them.
    resolveMasterKey(app.masterKey, dataDir);
    await ensureArtifactUrlKey(createSecrets({ ...app, dataDir }));
    await progress.step(
      'tool registry (signed)',
      () => signToolRegistry(db.url, createSecrets({ ...app, dataDir })),
      (r) => (r.signed.length ? `signed ${r.signed.join(', ')}` : `${r.unchanged.length} tools up to date`),
    );
    notStopped();
    if (withJaeger) {
      await progress.step(
        'Jaeger (traces)',
        async () => {
          const j = await startJaeger({
            bin: toolPath('jaeger', env),
            configFile: jaegerConfigFile(runDir),
            logFile: join(logDir, 'jaeger.log'),
          });
          jaeger = j;
          spawned.push({ kill: () => j.process.kill('SIGKILL') });
          runFile.add('jaeger', j.process.pid, 'jaeger');
        },
        () => `UI ${jaeger!.uiUrl}, OTLP in at ${jaeger!.otlpEndpoint}`,
      );
      notStopped();
    }
    const tracingEnv: Record<string, string> = jaeger
      ? { OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpEndpoint, RAIZE_TRACE_UI_URL: jaeger.uiUrl }
      : {};

    const childEnv = (name: string): NodeJS.ProcessEnv => ({
      ...o.serviceDefaults,
      ...tracingEnv,
      ...env,
      RAIZE_SERVICE: `raize-${name}`,
      RAIZE_DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      // The embedded server is not where a DATABASE_APP_URL from the environment points.
      ...(db.kind === 'embedded' ? { DATABASE_APP_URL: db.appUrl } : {}),
      TEMPORAL_ADDRESS: tmp.address,
      TEMPORAL_NAMESPACE: app.temporal.namespace,
      ...(tmp.uiUrl ? { TEMPORAL_UI_URL: tmp.uiUrl } : {}),
      API_HOST: app.api.host,
      API_PORT: String(app.api.port),
      API_PUBLIC_URL: app.api.publicUrl,
      SANDBOX_URL: app.sandbox.url,
      SANDBOX_HOST: sandboxHost,
      SANDBOX_PORT: String(portOf(sandbox)),
      SANDBOX_STATE_FILE: env.SANDBOX_STATE_FILE || join(dataDir, 'sandbox', 'state.json'),
      SANDBOX_ADMIN_TOKEN: sandboxAdminToken,
      SANDBOX_OAUTH_CLIENT_ID: app.sandbox.oauthClientId,
      // The six real platforms point at their local emulators (development only; refused in production). The
      // demo's TikTok and YouTube apps count as audited, so posts go out public and read back like the others.
      RAIZE_PLATFORM_EMULATORS: '1',
      RAIZE_TIKTOK_APP_AUDITED: env.RAIZE_TIKTOK_APP_AUDITED ?? '1',
      RAIZE_YOUTUBE_APP_AUDITED: env.RAIZE_YOUTUBE_APP_AUDITED ?? '1',
      // Mail goes to the local catcher, never to a server from the developer's shell (docs/mail.md).
      RAIZE_SMTP_URL: `smtp://127.0.0.1:${mailSmtpPort}`,
      RAIZE_MAIL_FROM: env.RAIZE_MAIL_FROM || 'Raize (local) <noreply@raize.local>',
      // The AI steps reach their tools only through the gateway (issue #16); assistants are shown the same URL.
      RAIZE_GATEWAY_URL: gatewayUrl,
      RAIZE_GATEWAY_PUBLIC_URL: env.RAIZE_GATEWAY_PUBLIC_URL || gatewayUrl,
    });
    const spawnService = async (s: ChildService, detail: string, onExit?: (message: string) => void) => {
      notStopped();
      services.push(s);
      spawned.push(s);
      s.onUnexpectedExit(onExit ?? ((m) => failNow(new Error(m))));
      await progress.step(
        `${s.name}`,
        async () => {
          try {
            await s.start();
          } finally {
            runFile.add(s.name, s.pid, s.spec.script);
          }
        },
        () => `${detail}, pid ${s.pid}, log ${s.spec.logFile}`,
      );
    };

    await spawnService(
      new ChildService({
        name: 'sandbox',
        script: dist('services/sandbox/main.js'),
        env: childEnv('sandbox'),
        logFile: join(logDir, 'sandbox.log'),
        readiness: { kind: 'http', url: `${app.sandbox.url}/healthz` },
        timeoutMs: 30_000,
      }),
      `ready at ${app.sandbox.url}`,
    );
    await spawnService(
      new ChildService({
        name: 'emulators',
        script: dist('services/emulators/platforms/main.js'),
        env: childEnv('emulators'),
        logFile: join(logDir, 'emulators.log'),
        readiness: { kind: 'signal', logPattern: /"msg":"platform emulators ready"/ },
        timeoutMs: 30_000,
      }),
      `Instagram, Facebook, LinkedIn, X, TikTok and YouTube emulators on ports ${Object.values(EMULATOR_PORTS).join(', ')}`,
    );
    await spawnService(
      new ChildService({
        name: 'mailcatcher',
        script: dist('services/mailcatcher/main.js'),
        env: {
          ...childEnv('mailcatcher'),
          RAIZE_MAILCATCHER_HTTP_PORT: String(mailHttpPort),
          RAIZE_MAILCATCHER_SMTP_PORT: String(mailSmtpPort),
          RAIZE_MAILCATCHER_DIR: join(dataDir, 'mail'),
        },
        logFile: join(logDir, 'mailcatcher.log'),
        readiness: { kind: 'http', url: `${mailCatcherUrl}/healthz` },
        timeoutMs: 30_000,
      }),
      `SMTP on 127.0.0.1:${mailSmtpPort}, caught mail at ${mailCatcherUrl}/messages`,
    );
    // Its own process and port (issue #16): every AI step's tool call and every assistant meets it, nothing else.
    await spawnService(
      new ChildService({
        name: 'gateway',
        script: dist('services/gateway/main.js'),
        env: { ...childEnv('gateway'), RAIZE_GATEWAY_HOST: '127.0.0.1', RAIZE_GATEWAY_PORT: String(gatewayPort) },
        logFile: join(logDir, 'gateway.log'),
        readiness: { kind: 'http', url: `${gatewayOrigin}/healthz` },
        timeoutMs: 60_000,
      }),
      `MCP (Streamable HTTP) at ${gatewayUrl}`,
    );
    if (cluster)
      await startClusterServices({
        parts: cluster,
        replica: { dist, logDir, childEnv, publicUrl: app.api.publicUrl },
        apiHost: app.api.host,
        apiPort: app.api.port,
        dataDir,
        progress,
        spawn: spawnService,
        record: (name, pid, match) => runFile.add(name, pid, match),
        isStopping: () => stopRequested,
        onFatal: (err) => failNow(err),
      });
    // Side by side: the worker spends most of its start bundling the workflows, the API compiling its schema.
    const [w, a] = await Promise.allSettled(
      cluster
        ? []
        : [
            spawnService(
              new ChildService({
                name: 'worker',
                script: dist('services/worker/main.js'),
                env: withWorkerHeap(childEnv('worker'), temporalFile),
                logFile: join(logDir, 'worker.log'),
                readiness: { kind: 'signal', logPattern: /"msg":"worker started"/ },
                timeoutMs: 180_000,
              }),
              `polling the ${Object.values(temporalFile.taskQueues).join(', ')} task queues`,
            ),
            spawnService(
              new ChildService({
                name: 'api',
                script: dist('services/api/main.js'),
                env: childEnv('api'),
                logFile: join(logDir, 'api.log'),
                readiness: { kind: 'http', url: `${app.api.publicUrl}/health` },
                timeoutMs: 120_000,
              }),
              `healthy at ${app.api.publicUrl}/health`,
            ),
          ],
    );
    if (w?.status === 'rejected') throw w.reason;
    if (a?.status === 'rejected') throw a.reason;
    notStopped();
    // The browser lane's runner (issue #17): only where Debian's Chromium is installed; never a downloaded browser.
    const chromium = process.env.RAIZE_CHROMIUM ?? '/usr/bin/chromium';
    if (existsSync(chromium)) {
      await spawnService(
        new ChildService({
          name: 'browser',
          script: dist('services/browser/main.js'),
          env: { ...childEnv('browser'), RAIZE_BROWSER_RUNNER_ID: `local-${process.pid}` },
          logFile: join(logDir, 'browser.log'),
          readiness: { kind: 'signal', logPattern: /"msg":"browser runner ready"/ },
          timeoutMs: 60_000,
        }),
        `the browser lane's runner (Chromium at ${chromium})`,
      );
    } else console.log(`  browser runner not started: no Chromium at ${chromium} (apt-get install chromium)`);
    // Its own process and port, so a flood of webhooks never slows the API (issue #13).
    await spawnService(
      new ChildService({
        name: 'ingest',
        script: dist('services/ingest/main.js'),
        env: {
          ...childEnv('ingest'),
          RAIZE_INGEST_HOST: '127.0.0.1',
          RAIZE_INGEST_PORT: String(ingestPort),
          RAIZE_INGEST_SANDBOX_SECRET: ingestSandboxSecret,
        },
        logFile: join(logDir, 'ingest.log'),
        readiness: { kind: 'http', url: `${ingestUrl}/healthz` },
        timeoutMs: 30_000,
      }),
      `webhooks at ${ingestUrl}/webhooks/{sandbox,meta,standard/<platform>}`,
    );

    return {
      dataDir,
      logDir,
      postgres: db,
      temporal: tmp,
      cluster,
      namespace: app.temporal.namespace,
      apiUrl: app.api.publicUrl,
      graphqlUrl: `${app.api.publicUrl}/graphql`,
      sandboxUrl: app.sandbox.url,
      sandboxAdminToken,
      ingestUrl,
      ingestSandboxSecret,
      mailCatcherUrl,
      gatewayUrl,
      oauthClientId: app.sandbox.oauthClientId,
      traceUiUrl: jaeger?.uiUrl,
      services,
      failed,
      stop,
      kill,
    };
  } catch (err) {
    await stop().catch((e: Error) => progress.warn(`while stopping: ${e.message}`));
    await stopAll();
    throw err;
  }
}
