import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { releaseDbConnectionInterceptor } from './release-db-connection.interceptor';

/**
 * One client per process. The data converter is required: a client without the payload codec would write
 * plaintext into histories and could not read what the workers encrypted (C-13, see codec/). No call holds the
 * caller's pooled database connection while it waits on Temporal (release-db-connection.interceptor.ts).
 */
export async function createTemporalClient(
  address: string,
  namespace: string,
  dataConverter: DataConverter,
): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({
    connection,
    namespace,
    dataConverter,
    interceptors: { workflow: [releaseDbConnectionInterceptor] },
  });
}
