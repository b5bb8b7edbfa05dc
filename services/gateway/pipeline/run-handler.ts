import type { GatewayCaller } from '../../core/gateway/caller';
import { actorAccess, clientScope } from '../../core/tenancy/scope-for';
import { runInTenantScope } from '../../core/tenancy/tenant-scope';
import type { GatewayDeps, ToolHandler, ToolOutput } from '../tool.types';
import { ToolRefusal } from '../tool.types';
import type { CallTarget } from './call-target';
import { GatewayRefused } from './gateway-refusal';

export interface RunHandlerInput {
  deps: GatewayDeps;
  caller: GatewayCaller;
  target: CallTarget;
  handler: ToolHandler;
  input: unknown;
  scriptDomains: string[];
  timeoutMs: number;
}

/**
 * Runs the tool in its client's tenant scope (row-level security on every query), or, for an assistant's tool that
 * takes no client, in the operator's own scope. A tool that outlives its time is aborted and refused; a tool's own
 * refusal passes through with its code; anything else it throws is `tool_failed`, with no detail (no stack, no text
 * of a vendor's error reaches the caller).
 */
export async function runHandler(r: RunHandlerInput): Promise<ToolOutput> {
  const { ds } = r.deps;
  const scope = r.target.clientId
    ? await clientScope(ds, r.target.clientId)
    : r.caller.kind === 'assistant'
      ? (await actorAccess(ds, r.caller.userId)).scope
      : await clientScope(ds, r.caller.clientId);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new GatewayRefused('tool_failed', `the tool did not finish within ${Math.round(r.timeoutMs / 1000)} s`));
    }, r.timeoutMs);
  });
  try {
    return await runInTenantScope(ds, scope, () =>
      Promise.race([
        r.handler.run(
          {
            caller: r.caller,
            agencyId: r.target.agencyId,
            clientId: r.target.clientId ?? (r.caller.kind === 'activity' ? r.caller.clientId : null),
            m: ds.manager,
            deps: r.deps,
            settings: { scriptDomains: r.scriptDomains },
            signal: controller.signal,
          },
          r.input,
        ),
        timeout,
      ]),
    );
  } catch (err) {
    if (err instanceof GatewayRefused) throw err;
    if (err instanceof ToolRefusal) throw new GatewayRefused(err.code, err.message);
    throw new GatewayRefused('tool_failed', 'the tool failed');
  } finally {
    clearTimeout(timer);
  }
}
