import type { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import type { TemporalFileConfig } from '../config/temporal-config';

export interface NamespaceBootstrapResult {
  namespaceCreated: boolean;
  searchAttributesAdded: string[];
}

/** temporal.api.enums.v1.IndexedValueType (temporal/api/enums/v1/common.proto), by temporal.yaml's type names. */
const INDEXED_TYPES: Record<string, number> = {
  Text: 1,
  Keyword: 2,
  Int: 3,
  Double: 4,
  Bool: 5,
  Datetime: 6,
  KeywordList: 7,
};

function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}
const ALREADY_EXISTS = 6;
const NOT_FOUND = 5;

/**
 * Raize's part of standing up a Temporal cluster (the dev server does it from flags): temporal.yaml's namespace and
 * its search attributes, registered when missing. Idempotent, so every deployment (the local cluster, a Helm hook)
 * runs it on each start; an attribute registered with another type is an error, never silently accepted.
 */
export async function bootstrapTemporalNamespace(
  connection: Connection,
  config: Pick<TemporalFileConfig, 'namespace' | 'searchAttributes'>,
  retentionDays = 30,
): Promise<NamespaceBootstrapResult> {
  const namespace = config.namespace;
  let namespaceCreated = false;
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } catch (err) {
    if (grpcCode(err) !== NOT_FOUND) throw err;
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        description: 'Raize episodes',
        workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
      });
      namespaceCreated = true;
    } catch (e) {
      if (grpcCode(e) !== ALREADY_EXISTS) throw e;
    }
  }
  const listed = await connection.operatorService.listSearchAttributes({ namespace });
  const existing = new Map<string, number>(Object.entries(listed.customAttributes ?? {}).map(([k, v]) => [k, v]));
  const missing: Record<string, number> = {};
  for (const [name, type] of Object.entries(config.searchAttributes)) {
    const want = INDEXED_TYPES[type];
    if (want === undefined) throw new Error(`search attribute ${name}: unknown type ${type}`);
    const have = existing.get(name);
    if (have === undefined) missing[name] = want;
    else if (have !== want)
      throw new Error(`search attribute ${name} is registered with another type than temporal.yaml's ${type}`);
  }
  const names = Object.keys(missing);
  if (names.length) {
    try {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    } catch (err) {
      if (grpcCode(err) !== ALREADY_EXISTS) throw err;
    }
  }
  return { namespaceCreated, searchAttributesAdded: names };
}
