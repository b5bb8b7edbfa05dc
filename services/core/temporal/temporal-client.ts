import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { CallsInFlight } from './calls-in-flight';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { releaseDbConnectionInterceptor } from './release-db-connection.interceptor';
import { traceIdSearchAttributeInterceptor } from './trace-id.interceptor';

const callsOf = new WeakMap<Client, CallsInFlight>();

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
  const calls = new CallsInFlight();
  const client = new Client({
    connection,
    namespace,
    dataConverter,
    // The OpenTelemetry interceptor carries the caller's trace into the workflow's headers (C-50); the trace id
    // interceptor, inside it, records that trace's id on the episode.
    interceptors: {
      workflow: [
        releaseDbConnectionInterceptor,
        calls.interceptor,
        new OpenTelemetryWorkflowClientInterceptor(),
        traceIdSearchAttributeInterceptor,
      ],
    },
  });
  callsOf.set(client, calls);
  return client;
}

/**
 * Closes the client's connection once the calls under way have answered (a request whose caller went away may
 * still wait on a query), or after `maxWaitMs`.
 */
export async function closeTemporalClient(client: Client, maxWaitMs = 5000): Promise<void> {
  await callsOf.get(client)?.settled(maxWaitMs);
  await client.connection.close();
}
