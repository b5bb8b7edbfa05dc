import { createApi } from '../../services/api/create-api';
import type { TestStack } from '../harness/stack';

/**
 * A second API process of the same stack, started with changed environment, as a runbook's "set the
 * variable and restart the API" does. It shares the stack's database, Temporal and data directory; the
 * returned stack talks to it (GraphQL with the development header, like stack.gql).
 */
export async function restartedApi(
  stack: TestStack,
  port: number,
  env: Record<string, string>,
): Promise<{ stack: TestStack; close(): Promise<void> }> {
  const apiUrl = `http://127.0.0.1:${port}`;
  Object.assign(process.env, { API_PORT: String(port), API_PUBLIC_URL: apiUrl, ...env });
  const app = await createApi();
  await app.listen(port, '127.0.0.1');
  const restarted: TestStack = {
    ...stack,
    apiUrl,
    async gql(actorId, query, variables) {
      const res = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(actorId ? { authorization: `Dev ${actorId}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return res.json() as never;
    },
  };
  return { stack: restarted, close: () => app.close() };
}
