import type { OperatorSession } from '../../deploy/local/stack/graphql-client';
import type { LatencySummary } from '../episodes/latency';
import { summarize } from '../episodes/latency';
import { graphqlCall } from './graphql-call';
import type { ProcessCpu } from './process-cpu';

// The web app's own documents (services/web/src/api/operations.ts): the fields a calendar and a queue show.
const CALENDAR = `query PostCalendar($clientId: ID!, $from: String!, $to: String!, $first: Int!, $after: String) {
  postCalendar(clientId: $clientId, from: $from, to: $to, first: $first, after: $after) {
    id cursor status final scheduledAt assetId
  }
}`;
const QUEUE = `query ApprovalQueue($clientId: ID!, $first: Int!, $after: String) {
  approvalQueue(clientId: $clientId, first: $first, after: $after) {
    id cursor status final scheduledAt timezone assetId platformAccountId createdBy authorIds
    reasons { code message }
    approvals { approverId role }
  }
}`;
/** the web app's page sizes (use-calendar-posts.ts, use-approval-queue.ts) */
const CALENDAR_PAGE = 2000;
const QUEUE_PAGE = 50;

export interface ApiMeasure {
  name: string;
  what: string;
  rows_per_call: number;
  latency: LatencySummary;
  /** CPU the API process and Postgres spent per call: what a call costs, whatever else the machine runs */
  cpu_ms_per_call: Record<string, number>;
}

interface Target {
  url: string;
  who: OperatorSession;
  queries: number;
  warmup?: number;
  /** counts the API's and Postgres' CPU over each measure */
  cpu?: () => ProcessCpu;
}

async function measure(
  t: Target,
  name: string,
  what: string,
  call: (i: number) => Promise<number>,
): Promise<ApiMeasure> {
  for (let i = 0; i < (t.warmup ?? 10); i++) await call(i);
  const samples: number[] = [];
  let rows = 0;
  const cpu = t.cpu?.();
  await cpu?.begin();
  for (let i = 0; i < t.queries; i++) {
    const t0 = performance.now();
    rows += await call(i);
    samples.push(performance.now() - t0);
  }
  const spent = (await cpu?.end()) ?? {};
  return {
    name,
    what,
    rows_per_call: Math.round(rows / t.queries),
    latency: summarize(samples),
    cpu_ms_per_call: Object.fromEntries(
      Object.entries(spent).map(([k, v]) => [k, Math.round((v / t.queries) * 10_000) / 10]),
    ),
  };
}

/**
 * A client's month as the calendar screen reads it (pages of 1,000 until a short one, one call for any month this
 * bench makes) and the first page of the approvals queue, each through the API with the operator's session: HTTP,
 * session and CSRF checks, GraphQL parsing, the access check, the query, serialisation. Clients are taken in turn.
 */
export async function measureApi(
  t: Target,
  o: { calendarClients: string[]; queueClients: string[]; from: string; to: string },
): Promise<ApiMeasure[]> {
  const out: ApiMeasure[] = [];
  if (o.calendarClients.length)
    out.push(
      await measure(
        t,
        'calendar month',
        `postCalendar(first: ${CALENDAR_PAGE}) ${o.from} → ${o.to}, every page`,
        async (i) => {
          const clientId = o.calendarClients[i % o.calendarClients.length];
          let n = 0;
          let after: string | undefined;
          for (;;) {
            const page = (
              await graphqlCall<{ postCalendar: { cursor: string }[] }>(t.url, t.who, CALENDAR, {
                clientId,
                from: o.from,
                to: o.to,
                first: CALENDAR_PAGE,
                after,
              })
            ).postCalendar;
            n += page.length;
            if (page.length < CALENDAR_PAGE) return n;
            after = page[page.length - 1].cursor;
          }
        },
      ),
    );
  if (o.queueClients.length)
    out.push(
      await measure(t, 'approvals queue', `approvalQueue(first: ${QUEUE_PAGE}), first page`, async (i) => {
        const clientId = o.queueClients[i % o.queueClients.length];
        return (await graphqlCall<{ approvalQueue: unknown[] }>(t.url, t.who, QUEUE, { clientId, first: QUEUE_PAGE }))
          .approvalQueue.length;
      }),
    );
  return out;
}
