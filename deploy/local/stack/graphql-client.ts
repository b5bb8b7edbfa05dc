interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}

/** The operator's side of the API: POST /graphql with the development actor header. */
export class GraphqlClient {
  constructor(readonly url: string) {}

  /** The data, or an error naming the operation and every GraphQL error (code: message). */
  async request<T>(actorId: string | null, query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(actorId ? { authorization: `Dev ${actorId}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: { data?: T | null; errors?: GraphqlError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`GraphQL answered HTTP ${res.status} without JSON: ${text.slice(0, 200)}`);
    }
    const operation = /\{\s*(\w+)/.exec(query)?.[1] ?? 'request';
    if (body.errors?.length || !body.data) {
      const errors = (body.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
      throw new Error(`${operation} failed: ${errors || `HTTP ${res.status} with no data`}`);
    }
    return body.data;
  }
}
