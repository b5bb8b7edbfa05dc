import type { EmulatorRequestView } from './fault-admin.routes';
import { EMULATOR_ADMIN_HEADER } from './fault-admin.schema';
import type { ActiveFaultRule, FaultRuleInput } from './fault-rules';

export class EmulatorAdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorAdminError';
  }
}

/**
 * A client of an emulator's run-time fault controls (`/_emulator/*`), for tests and the local stack: the same calls
 * whether the emulator runs in this process or in the stack's emulator process.
 */
export class EmulatorAdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Replaces the fault set. */
  async setFaults(faults: FaultRuleInput[]): Promise<ActiveFaultRule[]> {
    return (await this.call<{ data: ActiveFaultRule[] }>('POST', '/_emulator/faults', { faults })).data;
  }

  async listFaults(): Promise<ActiveFaultRule[]> {
    return (await this.call<{ data: ActiveFaultRule[] }>('GET', '/_emulator/faults')).data;
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/_emulator/faults');
  }

  async listRequests(): Promise<EmulatorRequestView[]> {
    return (await this.call<{ data: EmulatorRequestView[] }>('GET', '/_emulator/requests')).data;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/_emulator/requests');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: {
        [EMULATOR_ADMIN_HEADER]: this.token,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      let detail = '';
      try {
        detail = `: ${(JSON.parse(text) as { error?: { message?: string } }).error?.message ?? ''}`;
      } catch {
        // not JSON: the status says enough
      }
      throw new EmulatorAdminError(res.status, `${method} ${path} answered ${res.status}${detail}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
