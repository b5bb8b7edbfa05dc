import { z } from 'zod';
import { fetchOptionsFromEnv } from '../../core/net/guarded-fetch';
import { runScript } from '../sandbox/run-script';
import type { ScriptFailure } from '../sandbox/script-outcome';
import type { ToolContext } from '../tool.types';
import { ToolRefusal } from '../tool.types';
import { clientIdField, clientOf } from './tool-client';
import { defineTool } from './tool-definition';

/** Scripts are glue (reshape data, call one or two allowlisted APIs), not programs. */
export const MAX_SCRIPT_CHARS = 20_000;
/** Loopback only, for the local sandbox and tests (GatewayDeps.allowPrivateFetch); never a deployment's intranet. */
const LOOPBACK = ['127.0.0.0/8', '::1/128'];

const input = z.strictObject({
  clientId: clientIdField,
  code: z
    .string()
    .min(1)
    .max(MAX_SCRIPT_CHARS)
    .describe(
      'JavaScript, the body of an async function: `return` gives the result (JSON). `input`, `console.log` and ' +
        '`await fetch(url)` (allowlisted domains only; resolves to { status, ok, text }) are available; nothing else.',
    ),
  input: z.unknown().optional().describe('JSON the script reads as `input`'),
});

/** How each failure reaches the caller: the limits a script hit are not its input's fault, the host's are not either. */
const REFUSAL_OF: Record<ScriptFailure, ToolRefusal['code']> = {
  script_error: 'invalid_input',
  timeout: 'not_allowed',
  cpu: 'not_allowed',
  memory: 'not_allowed',
  output_too_large: 'not_allowed',
  sandbox_unavailable: 'unavailable',
};

/**
 * Runs a short script in the sandbox (C-38). Offered only when an Admin turned scripts on for the agency and only
 * to Admin and Manager assistants (policy decides, the gateway lists accordingly); the network it reaches is the
 * agency's domain allowlist, through the guarded fetcher.
 */
export const scriptRunTool = defineTool(
  {
    name: 'script_run',
    title: 'Run a script',
    description:
      'Runs a short JavaScript snippet in an isolated sandbox (no files, no network except the agency allowlisted ' +
      'domains through fetch, 2 s CPU, 5 s wall, 128 MB, 64 KiB of output) and returns its result and console lines.',
    class: 'script',
    takesClient: true,
  },
  input,
  async (ctx, q) => {
    clientOf(ctx);
    const outcome = await runScript({
      code: q.code,
      input: q.input ?? null,
      domains: ctx.settings.scriptDomains,
      fetchOptions: fetchOptions(ctx),
      signal: ctx.signal,
    });
    if (!outcome.ok)
      throw new ToolRefusal(REFUSAL_OF[outcome.code], `script failed (${outcome.code}): ${outcome.message}`);
    return {
      result: { ok: true, result: outcome.result, logs: outcome.logs },
      summary: `The script finished in ${outcome.wallMs} ms with ${outcome.logs.length} log line(s).`,
    };
  },
);

function fetchOptions(ctx: ToolContext): { allowHttp?: boolean; allowPrivate?: readonly string[] } {
  return {
    ...fetchOptionsFromEnv(),
    ...(ctx.deps.allowPrivateFetch ? { allowHttp: true, allowPrivate: LOOPBACK } : {}),
  };
}
