import { Client, Connection } from '@temporalio/client';

/** One client per process; the payload codec joins here with the security issue. */
export async function createTemporalClient(address: string, namespace: string): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace });
}
