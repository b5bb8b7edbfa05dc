import { timingSafeEqual } from 'node:crypto';
import type { EmulatorReply, EmulatorRequest } from '../emulator-server';
import { EMULATOR_ADMIN_HEADER, EMULATOR_ADMIN_PREFIX, setEmulatorFaultsSchema } from './fault-admin.schema';
import type { FaultRules } from './fault-rules';

/** One received request as the admin route shows it: no headers, no body (they carry tokens and content). */
export interface EmulatorRequestView {
  method: string;
  path: string;
  /** the status answered; null when none was (hang, drop, the client left during a slow fault) */
  status: number | null;
  /** the fault the request drew, by kind */
  fault: string | null;
  /** ms epoch of arrival */
  at: number;
}

export interface EmulatorAdminTarget {
  faults: FaultRules;
  requests: EmulatorRequest[];
}

const problem = (status: number, code: string, message: string): EmulatorReply => ({
  status,
  json: { error: { code, message } },
});

function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const isAdminPath = (path: string): boolean => path.startsWith(EMULATOR_ADMIN_PREFIX);

export function requestView(r: EmulatorRequest): EmulatorRequestView {
  return { method: r.method, path: r.path, status: r.answered ?? null, fault: r.drew?.kind ?? null, at: r.at };
}

/**
 * The run-time fault controls, as the sandbox's `/_admin/faults` (GET lists, POST replaces the set, DELETE clears),
 * and the request log without headers or bodies. Only with the admin header; never recorded, never faulted.
 */
export function handleAdmin(req: EmulatorRequest, token: string, target: EmulatorAdminTarget): EmulatorReply {
  if (!tokenMatches(req.headers[EMULATOR_ADMIN_HEADER], token))
    return problem(401, 'unauthorized', `missing or invalid ${EMULATOR_ADMIN_HEADER} header`);
  const route = `${req.method} ${req.path}`;
  switch (route) {
    case 'GET /_emulator/faults':
      return { status: 200, json: { data: target.faults.list() } };
    case 'POST /_emulator/faults': {
      if (req.jsonError) return problem(400, 'invalid_json', 'the body is not JSON');
      const parsed = setEmulatorFaultsSchema.safeParse(req.json);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first?.path.length ? first.path.join('.') : 'body';
        return problem(400, 'invalid_faults', `${where}: ${first?.message ?? 'invalid'}`);
      }
      return { status: 200, json: { data: target.faults.set(parsed.data.faults) } };
    }
    case 'DELETE /_emulator/faults':
      target.faults.clear();
      return { status: 204 };
    case 'GET /_emulator/requests':
      return { status: 200, json: { data: target.requests.map(requestView) } };
    case 'DELETE /_emulator/requests':
      target.requests.length = 0;
      return { status: 204 };
    default:
      return problem(404, 'not_found', `no admin route ${route}`);
  }
}
