import { createHash } from 'node:crypto';
import type { AuditService } from '../../core/audit/audit.service';
import { callerActor } from '../../core/gateway/caller';
import type { GatewayCaller } from '../../core/gateway/caller';
import { canonicalJson } from '../../core/util/canonical-json';
import type { DataSource } from 'typeorm';
import { EMPTY_SCOPE, runInTenantScope } from '../../core/tenancy/tenant-scope';
import type { TenantScope } from '../../core/tenancy/tenant-scope';
import { TOOL_NAMES } from '../../../workflows/contracts/vocabulary/gateway';
import type { RefusalCode } from './gateway-refusal';
import type { CallTarget } from './call-target';
import { agencyScope } from './gateway-settings';

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The digest of an input: canonical JSON, so key order never changes it. Never the input itself (C-39). */
export function inputDigest(input: unknown): string {
  return sha256Hex(canonicalJson(input ?? null));
}

/** A tool name as the audit may record it: a known name, else a marker (the name came from the caller). */
export function auditableToolName(name: string): string {
  return (TOOL_NAMES as readonly string[]).includes(name) ? name : '(unknown tool)';
}

interface DigestCommon {
  ds: DataSource;
  audit: AuditService;
  caller: GatewayCaller;
  target: Pick<CallTarget, 'agencyId' | 'clientId'> | null;
  tool: string;
  version: number | null;
}

/** `gateway.tool_called`: who called what with which input and output hashes; never their text (C-39). */
export async function auditToolCalled(
  d: DigestCommon & { inputSha256: string; outputSha256: string; role: string; artifactKey?: string },
): Promise<void> {
  await record(d, 'gateway.tool_called', {
    tool: d.tool,
    version: d.version,
    inputSha256: d.inputSha256,
    outputSha256: d.outputSha256,
    decision: 'allowed',
    callerKind: d.caller.kind,
    taskClass: d.caller.taskClass,
    role: d.role,
    ...(d.artifactKey ? { artifactKey: d.artifactKey } : {}),
  });
}

/** `gateway.tool_refused`: a refused call with its code (C-36). */
export async function auditToolRefused(d: DigestCommon & { inputSha256: string; code: RefusalCode }): Promise<void> {
  await record(d, 'gateway.tool_refused', {
    tool: d.tool,
    version: d.version,
    inputSha256: d.inputSha256,
    code: d.code,
  });
}

async function record(
  d: DigestCommon,
  action: 'gateway.tool_called' | 'gateway.tool_refused',
  data: Record<string, unknown>,
): Promise<void> {
  const scope: TenantScope = !d.target
    ? EMPTY_SCOPE
    : d.target.clientId
      ? { ...agencyScope(d.target.agencyId), clientIds: [d.target.clientId] }
      : agencyScope(d.target.agencyId);
  await runInTenantScope(d.ds, scope, () =>
    d.audit.append({
      agencyId: d.target?.agencyId ?? null,
      clientId: d.target?.clientId ?? null,
      actor: callerActor(d.caller),
      action,
      subjectType: 'tool',
      subjectId: d.version === null ? d.tool : `${d.tool}@v${d.version}`,
      data,
    }),
  );
}
