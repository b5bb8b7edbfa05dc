import { Client } from 'pg';
import { testEnv } from '../harness/test-env';

/** Raw SQL as the application's own role (RLS applies), the way a bug or an injected query would run. */
export async function asAppRole<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: testEnv().databaseUrl.replace('postgres@', 'raize_app@') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
