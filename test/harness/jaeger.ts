import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it } from '@jest/globals';
import { freePort } from '../../deploy/local/free-port';
import type { RunningJaeger } from '../../deploy/local/stack/jaeger';
import { startJaeger } from '../../deploy/local/stack/jaeger';

/** The variable CI sets: a missing Jaeger binary fails the run instead of skipping the trace suites. */
export const REQUIRE_JAEGER_VARIABLE = 'RAIZE_REQUIRE_JAEGER';

/**
 * The Jaeger binary deploy/tools/build-jaeger.sh produces, in the order it honours: RAIZE_JAEGER_BIN, then `jaeger`
 * in $RAIZE_BIN_DIR (default ~/.cache/raize/bin), then on PATH. Returns the reason instead when there is none.
 */
export function findJaegerBinary(env: NodeJS.ProcessEnv = process.env): { bin: string } | { missing: string } {
  const hint = 'build it once with: bash deploy/tools/build-jaeger.sh';
  if (env.RAIZE_JAEGER_BIN) {
    return existsSync(env.RAIZE_JAEGER_BIN)
      ? { bin: env.RAIZE_JAEGER_BIN }
      : { missing: `RAIZE_JAEGER_BIN=${env.RAIZE_JAEGER_BIN} does not exist; ${hint}` };
  }
  const cache = env.RAIZE_BIN_DIR ?? join(homedir(), '.cache', 'raize', 'bin');
  for (const dir of [cache, ...(env.PATH ?? '').split(delimiter).filter(Boolean)])
    if (existsSync(join(dir, 'jaeger'))) return { bin: join(dir, 'jaeger') };
  return { missing: `no Jaeger binary (RAIZE_JAEGER_BIN, ${cache}/jaeger or PATH); ${hint}` };
}

/**
 * Runs `suite` with the Jaeger binary when there is one. Without it the suite is skipped with the reason printed,
 * unless RAIZE_REQUIRE_JAEGER=1 (CI), which turns the missing binary into a failing test.
 */
export function describeWithJaeger(name: string, suite: (bin: string) => void, env = process.env): void {
  const found = findJaegerBinary(env);
  if ('bin' in found) {
    describe(name, () => suite(found.bin));
  } else if (env[REQUIRE_JAEGER_VARIABLE] === '1') {
    describe(name, () => {
      it(`finds the Jaeger binary (${REQUIRE_JAEGER_VARIABLE}=1)`, () => {
        throw new Error(found.missing);
      });
    });
  } else {
    process.stderr.write(`\n[${name}] SKIPPED: ${found.missing}\n`);
    describe.skip(`${name} (skipped: ${found.missing})`, () => {
      it('needs a Jaeger binary', () => undefined);
    });
  }
}

/** Jaeger on free ports, its config in a temporary directory removed on stop. */
export async function startTestJaeger(bin: string): Promise<RunningJaeger> {
  const dir = mkdtempSync(join(tmpdir(), 'raize-jaeger-'));
  const [otlpHttp, query, queryGrpc] = [await freePort(), await freePort(), await freePort()];
  const jaeger = await startJaeger({
    bin,
    configFile: join(dir, 'jaeger.yaml'),
    ports: { otlpHttp, query, queryGrpc },
  });
  const killOnExit = () => jaeger.process.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    ...jaeger,
    async stop() {
      process.removeListener('exit', killOnExit);
      await jaeger.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A span as Jaeger's query API answers it (`/api/traces/<id>`). */
export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references: { refType: string; traceID: string; spanID: string }[];
  tags: { key: string; value: unknown }[];
  processID: string;
}

/** The trace's spans with each span's service, or [] while Jaeger has none of it. */
export async function readTrace(
  uiUrl: string,
  traceId: string,
): Promise<(JaegerSpan & { service: string; tag: (k: string) => unknown })[]> {
  const res = await fetch(`${uiUrl}/api/traces/${traceId}`);
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`Jaeger answered ${res.status} for trace ${traceId}`);
  const body = (await res.json()) as {
    data: { spans: JaegerSpan[]; processes: Record<string, { serviceName: string }> }[];
  };
  return (body.data ?? []).flatMap((t) =>
    t.spans.map((s) => ({
      ...s,
      service: t.processes[s.processID]?.serviceName ?? '',
      tag: (k: string) => s.tags.find((x) => x.key === k)?.value,
    })),
  );
}
