import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';

/**
 * One client per process. The data converter is required: a client without the payload codec would write
 * plaintext into histories and could not read what the workers encrypted (C-13, see codec/).
 */
export async function createTemporalClient(
  address: string,
  namespace: string,
  dataConverter: DataConverter,
): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace, dataConverter });
}
