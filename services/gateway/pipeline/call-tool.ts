import { callerActor } from '../../core/gateway/caller';
import type { GatewayCaller } from '../../core/gateway/caller';
import type { ToolCallResult } from '../../core/gateway/tool-client.port';
import type { PolicyEngine } from '../../core/policy/policy-engine';
import { logger } from '../../core/telemetry/logger';
import type { ToolName } from '../../../workflows/contracts/vocabulary/gateway';
import type { LoadedRegistry } from '../registry/load-registry';
import type { GatewayDeps } from '../tool.types';
import { askGatewayPolicy } from './ask-policy';
import { auditableToolName, auditToolCalled, auditToolRefused, inputDigest, sha256Hex } from './call-digest';
import type { CallTarget } from './call-target';
import { resolveCallTarget } from './call-target';
import { GatewayRefused, refuse } from './gateway-refusal';
import { readGatewaySettings } from './gateway-settings';
import { placeOutput } from './place-output';
import { buildPolicyInput } from './policy-input';
import { runHandler } from './run-handler';
import { countCall, recordCost, spentThisMonth, usageWindow } from './usage-meter';

/** A tool that runs longer than this is aborted (a generation that hangs must not hold a connection). */
export const DEFAULT_TOOL_TIMEOUT_MS = 120_000;

export interface CallToolContext {
  deps: GatewayDeps;
  policy: PolicyEngine;
  registry: LoadedRegistry;
  toolTimeoutMs?: number;
}

/**
 * One tools/call, step by step, each step's refusal with its own code: the tool is loaded (C-37) → the client is the
 * caller's → the agency's settings → OPA (C-30, C-36; an engine error refuses) → the caller's rate → the agency's
 * monthly budget → the input against the signed schema, then the handler's own → the tool in the client's scope →
 * a large result to the artifact store (C-39) → cost counted → the call's digest in the audit trail.
 */
export async function callTool(
  c: CallToolContext,
  caller: GatewayCaller,
  name: string,
  rawInput: unknown,
): Promise<ToolCallResult<Record<string, unknown>>> {
  const input: Record<string, unknown> =
    rawInput && typeof rawInput === 'object' && !Array.isArray(rawInput) ? (rawInput as Record<string, unknown>) : {};
  const inputSha256 = inputDigest(rawInput ?? {});
  const loaded = c.registry.tools.get(name as ToolName);
  let target: CallTarget | null = caller.kind === 'activity' ? activityTarget(caller) : null;
  try {
    if (!loaded) refuse('unknown_tool', 'no such tool is available');
    const { definition, handler, validate } = loaded;
    target = await resolveCallTarget(c.deps.ds, caller, definition, input);
    const settings = await readGatewaySettings(c.deps.ds, target.agencyId);
    const verdict = askGatewayPolicy(c.policy, buildPolicyInput(caller, target.role, definition, settings));
    if (!verdict.allow) refuse(verdict.code, verdict.message);

    const now = c.deps.now?.() ?? new Date();
    const window = usageWindow(caller, target.agencyId, now);
    if ((await countCall(c.deps.ds, window)) > settings.callsPerMinute)
      refuse('rate_limited', `at most ${settings.callsPerMinute} calls a minute; try again in a minute`);
    if (
      settings.monthlyBudgetUsdMicros !== null &&
      (await spentThisMonth(c.deps.ds, target.agencyId, now)) >= settings.monthlyBudgetUsdMicros
    )
      refuse('budget_exhausted', "the agency's monthly tool budget is spent");

    const problems = validate(rawInput ?? {});
    if (problems.length) refuse('invalid_input', problems.join('; '));
    const parsed = handler.input.safeParse(rawInput ?? {});
    if (!parsed.success)
      refuse(
        'invalid_input',
        parsed.error.issues
          .slice(0, 10)
          .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
          .join('; '),
      );

    const output = await runHandler({
      deps: c.deps,
      caller,
      target,
      handler,
      input: parsed.data,
      scriptDomains: settings.scriptDomains,
      timeoutMs: c.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS,
    });
    const actor = callerActor(caller);
    const placed = await placeOutput(c.deps.artifacts, actor, target, output, definition.maxInlineBytes);
    await recordCost(c.deps.ds, window, output.costUsdMicros ?? 0);
    await auditToolCalled({
      ds: c.deps.ds,
      audit: c.deps.audit,
      caller,
      target,
      tool: definition.name,
      version: definition.version,
      inputSha256,
      outputSha256: sha256Hex(placed.json),
      role: target.role,
      artifactKey: placed.artifactKey,
    });
    return placed.artifactKey
      ? { ok: true, result: null, summary: placed.summary, artifactKey: placed.artifactKey }
      : { ok: true, result: placed.result, summary: placed.summary };
  } catch (err) {
    const refusal =
      err instanceof GatewayRefused
        ? err
        : new GatewayRefused('tool_failed', 'the gateway could not complete the call');
    if (!(err instanceof GatewayRefused))
      logger.error(
        { 'raize.operation': 'gateway.tool_call', 'raize.action': auditableToolName(name), 'error.kind': kindOf(err) },
        'gateway tool call failed unexpectedly',
      );
    await auditRefusal(c, caller, target, name, loaded?.definition.version ?? null, inputSha256, refusal);
    return { ok: false, code: refusal.code, message: refusal.message };
  }
}

function activityTarget(caller: Extract<GatewayCaller, { kind: 'activity' }>): CallTarget {
  return { agencyId: caller.agencyId, clientId: caller.clientId, role: caller.role };
}

async function auditRefusal(
  c: CallToolContext,
  caller: GatewayCaller,
  target: CallTarget | null,
  name: string,
  version: number | null,
  inputSha256: string,
  refusal: GatewayRefused,
): Promise<void> {
  logger.info(
    {
      'raize.operation': 'gateway.tool_call',
      'raize.action': auditableToolName(name),
      'raize.actor': callerActor(caller),
      'raize.outcome': 'refused',
      'raize.reasons': [refusal.code],
    },
    'gateway refused a tool call',
  );
  try {
    await auditToolRefused({
      ds: c.deps.ds,
      audit: c.deps.audit,
      caller,
      target,
      tool: auditableToolName(name),
      version,
      inputSha256,
      code: refusal.code,
    });
  } catch (err) {
    // The refusal stands whether or not it could be recorded; the failure to record is itself logged.
    logger.error(
      { 'raize.operation': 'gateway.audit', 'raize.outcome': 'failed', 'error.kind': kindOf(err) },
      'could not audit a refused tool call',
    );
  }
}

function kindOf(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}
