import { ConnectorError } from '../connector.errors';
import type { CallOptions, ConnectorCredential } from '../connector.types';
import { classifyGraphError, containerErrorSubcode } from './instagram-errors';
import type { InstagramGraph } from './instagram-graph';
import type { IgItem, IgPostPlan } from './instagram-media-plan';
import type { IgContainer } from './instagram-wire';
import { igContainerSchema, igCreatedSchema } from './instagram-wire';

/** How long we wait for Instagram to fetch and process media before handing the attempt back to the guard. */
export interface ContainerPolling {
  intervalMs: number;
  maxWaitMs: number;
}

/**
 * A video takes seconds to minutes; past this the attempt ends as transient and the next one resumes polling the
 * same container (its id is in the resume memory), so nothing is fetched twice.
 */
export const DEFAULT_POLLING: ContainerPolling = { intervalMs: 3000, maxWaitMs: 5 * 60_000 };

const CREATE = { path: (ig: string) => `/${ig}/media`, route: '/{ig-user-id}/media' };
const STATUS_ROUTE = '/{ig-container-id}';

/**
 * Creates the container(s) a post needs and returns the one to publish. A carousel's children are created and
 * waited for first, then the CAROUSEL container that lists them.
 */
export async function createContainer(
  graph: InstagramGraph,
  cred: ConnectorCredential,
  igUserId: string,
  plan: IgPostPlan,
  polling: ContainerPolling,
  opts: CallOptions,
): Promise<string> {
  switch (plan.shape) {
    case 'image':
      return create(graph, cred, igUserId, { image_url: plan.item.url, caption: plan.caption }, opts);
    case 'reel':
      return create(
        graph,
        cred,
        igUserId,
        { media_type: 'REELS', video_url: plan.item.url, caption: plan.caption },
        opts,
      );
    case 'carousel': {
      const children: string[] = [];
      for (const item of plan.items) children.push(await create(graph, cred, igUserId, childForm(item), opts));
      for (const child of children) {
        const done = await waitForContainer(graph, cred, child, polling, opts);
        if (done.status_code !== 'FINISHED') throw containerError(done);
      }
      const form = { media_type: 'CAROUSEL', children: children.join(','), caption: plan.caption };
      return create(graph, cred, igUserId, form, opts);
    }
  }
}

function childForm(item: IgItem): Record<string, string> {
  return item.kind === 'video'
    ? { media_type: 'VIDEO', video_url: item.url, is_carousel_item: 'true' }
    : { image_url: item.url, is_carousel_item: 'true' };
}

async function create(
  graph: InstagramGraph,
  cred: ConnectorCredential,
  igUserId: string,
  form: Record<string, string>,
  opts: CallOptions,
): Promise<string> {
  try {
    const { body } = await graph.post(
      igCreatedSchema,
      cred,
      { path: CREATE.path(igUserId), route: CREATE.route },
      form,
      opts,
    );
    return body.id;
  } catch (err) {
    // A container nobody publishes is no post (it expires after 24 hours): a lost answer here is safe to retry.
    if (err instanceof ConnectorError && err.kind === 'outcome_unknown')
      throw new ConnectorError(
        'transient',
        err.message.replace(/; the platform may have applied it$/, ''),
        err.details,
      );
    throw err;
  }
}

export function readContainer(
  graph: InstagramGraph,
  cred: ConnectorCredential,
  containerId: string,
  opts: CallOptions,
): Promise<IgContainer> {
  const call = { path: `/${containerId}`, route: STATUS_ROUTE, query: { fields: 'id,status_code,status' } };
  return graph.get(igContainerSchema, cred, call, opts);
}

/** Polls `status_code` until the container leaves IN_PROGRESS; each poll is a heartbeat. */
export async function waitForContainer(
  graph: InstagramGraph,
  cred: ConnectorCredential,
  containerId: string,
  polling: ContainerPolling,
  opts: CallOptions,
): Promise<IgContainer> {
  const sleep = opts.sleep ?? ((ms: number) => sleepUnlessCancelled(ms, opts.signal));
  const deadline = Date.now() + polling.maxWaitMs;
  for (;;) {
    if (opts.signal?.aborted) throw cancelled();
    const c = await readContainer(graph, cred, containerId, opts);
    opts.onProgress?.();
    if (c.status_code !== 'IN_PROGRESS') return c;
    if (Date.now() >= deadline)
      throw new ConnectorError(
        'transient',
        `GET ${STATUS_ROUTE}: the container is still IN_PROGRESS; the next attempt resumes it`,
      );
    await sleep(polling.intervalMs);
  }
}

/** Why a container cannot be published, as the guard should act on it. */
export function containerError(c: IgContainer): ConnectorError {
  const call = { method: 'GET', route: STATUS_ROUTE };
  if (c.status_code === 'EXPIRED')
    return new ConnectorError('transient', `GET ${STATUS_ROUTE}: the container EXPIRED; a new one is created`);
  const subcode = containerErrorSubcode(c.status);
  const mapped = subcode === undefined ? undefined : classifyGraphError({ call, status: 200, subcode });
  // Refused media, a blocked action or a spent quota stand as the subcode says; anything else is the page's advice
  // for a failed container: a new one, which is worth another attempt.
  if (mapped && mapped.details.health) return mapped;
  return new ConnectorError('transient', `GET ${STATUS_ROUTE}: the container is in ERROR; a new one is created`, {
    ...(subcode !== undefined ? { platformCode: String(subcode) } : {}),
  });
}

function cancelled(): ConnectorError {
  return new ConnectorError('transient', `GET ${STATUS_ROUTE}: polling was cancelled by the caller`, {
    transport: 'cancelled',
  });
}

function sleepUnlessCancelled(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
