// Delivers webhook events to every registered subscriber, in the background, with retries and backoff.
import { setTimeout as sleep } from 'node:timers/promises';
import { randomId } from './secrets';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signSandboxPayload, TIMESTAMP_HEADER } from './webhook-signature';
import type { SandboxStore, StoredWebhook } from './store';
import type { WebhookEvent } from './sandbox.types';

export interface WebhookRetryOptions {
  /** Attempts per send, including the first one (default 4). */
  attempts?: number;
  /** Backoff before retry n is baseDelayMs * 2^(n-1) (default 250 ms). */
  baseDelayMs?: number;
  /** Per-attempt timeout (default 5000 ms). */
  timeoutMs?: number;
  /** [0, 1), for the drop fault (default Math.random) */
  random?: () => number;
}

/**
 * Delivery faults, set at run time (`/_admin/webhook-faults`) and never persisted: a platform that loses events
 * (the poll must recover them) and one that delivers each several times (the ingest must record it once).
 */
export interface WebhookFaults {
  /** the share of events never sent, in [0, 1] */
  dropRate: number;
  /** how many times each event is sent, with the same delivery id (1 to 5); absent: the duplicateWebhooks flag */
  copies?: number;
}

export interface WebhookFaultsView extends WebhookFaults {
  /** the ids of the events the drop fault swallowed, oldest first */
  dropped: string[];
}

// Enough to replay any event of a test or a demo run; older ones are forgotten.
const KEPT_EVENTS = 1000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type WebhookEventInput = DistributiveOmit<WebhookEvent, 'id' | 'createdAt'>;

export class WebhookDispatcher {
  private controller = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly timeoutMs: number;
  private readonly random: () => number;
  private deliveryFaults: WebhookFaults = { dropRate: 0 };
  private dropped: string[] = [];
  /** recent events by id, kept so an admin can deliver one again later (a platform's replay) */
  private readonly sent = new Map<string, { event: WebhookEvent; body: string }>();

  constructor(
    private readonly store: SandboxStore,
    options: WebhookRetryOptions = {},
  ) {
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? 250);
    this.timeoutMs = Math.max(1, options.timeoutMs ?? 5000);
    this.random = options.random ?? Math.random;
  }

  /** Builds the event (fresh delivery id) and queues it for every subscriber. Never blocks the caller. */
  emit(input: WebhookEventInput): WebhookEvent {
    const event = { id: randomId('sbx_evt_', 12), createdAt: this.store.nowIso(), ...input } as WebhookEvent;
    const body = JSON.stringify(event);
    this.keep(event, body);
    if (this.deliveryFaults.dropRate > 0 && this.random() < this.deliveryFaults.dropRate) {
      this.dropped.push(event.id);
      return event;
    }
    const copies = this.deliveryFaults.copies ?? (this.store.data.flags.duplicateWebhooks ? 2 : 1);
    this.queue(event, body, copies);
    return event;
  }

  /** Sends an earlier event again, same delivery id and body, to today's subscribers; false when it is unknown. */
  replay(eventId: string): boolean {
    const kept = this.sent.get(eventId);
    if (!kept) return false;
    this.queue(kept.event, kept.body, 1);
    return true;
  }

  setFaults(faults: WebhookFaults): WebhookFaultsView {
    this.deliveryFaults = { ...faults };
    return this.faults();
  }

  faults(): WebhookFaultsView {
    return { ...this.deliveryFaults, dropped: [...this.dropped] };
  }

  clearFaults(): void {
    this.deliveryFaults = { dropRate: 0 };
    this.dropped = [];
  }

  private keep(event: WebhookEvent, body: string): void {
    this.sent.set(event.id, { event, body });
    if (this.sent.size > KEPT_EVENTS) this.sent.delete(this.sent.keys().next().value!);
  }

  private queue(event: WebhookEvent, body: string, copies: number): void {
    for (const subscription of this.store.data.webhooks) {
      const task = this.deliver({ ...subscription }, event, body, copies, this.controller.signal).catch(
        () => undefined,
      );
      this.inFlight.add(task);
      void task.finally(() => this.inFlight.delete(task));
    }
  }

  /** Resolves when every queued delivery (including retries) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Aborts pending deliveries and retries (used by reset). */
  cancelPending(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.idle();
  }

  private async deliver(
    sub: StoredWebhook,
    event: WebhookEvent,
    body: string,
    copies: number,
    signal: AbortSignal,
  ): Promise<void> {
    const signature = signSandboxPayload(sub.secret, body);
    for (let copy = 0; copy < copies; copy++) {
      for (let attempt = 1; attempt <= this.attempts; attempt++) {
        if (signal.aborted) return;
        const ok = await this.attempt(sub, event, body, signature, attempt, copy, signal);
        if (ok) break;
        if (attempt < this.attempts) {
          try {
            await sleep(this.baseDelayMs * 2 ** (attempt - 1), undefined, { signal });
          } catch {
            return;
          }
        }
      }
    }
  }

  private async attempt(
    sub: StoredWebhook,
    event: WebhookEvent,
    body: string,
    signature: string,
    attempt: number,
    copy: number,
    signal: AbortSignal,
  ): Promise<boolean> {
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(sub.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'raize-sandbox-webhooks/1',
          [SIGNATURE_HEADER]: signature,
          [DELIVERY_HEADER]: event.id,
          [TIMESTAMP_HEADER]: String(Math.floor(this.store.now() / 1000)),
        },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const ok = error === null;
    if (!signal.aborted) {
      this.store.logDelivery({
        deliveryId: event.id,
        type: event.type,
        subscriptionId: sub.id,
        url: sub.url,
        attempt,
        copy,
        status,
        error,
        ok,
        at: this.store.nowIso(),
      });
    }
    return ok;
  }
}
