import type { TestStack } from '../../harness/stack';

export interface DryRunView {
  digest: string;
  valid: boolean;
  postCount: number;
  rows: { line: number; text: string; platformAccountIds: string[] }[];
  errors: { line: number; code: string; message: string; column: string | null }[];
  occurrences: { line: number; platformAccountId: string; scheduledAt: string; local: string }[];
}

/** The error codes of one CSV line, sorted. */
export const codesAt = (plan: DryRunView, line: number): string[] =>
  plan.errors
    .filter((e) => e.line === line)
    .map((e) => e.code)
    .sort();

/** The local times of one line's posts, in order. */
export const localsAt = (plan: DryRunView, line: number): string[] =>
  plan.occurrences.filter((o) => o.line === line).map((o) => o.local);

type Gql<T> = { data?: T; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };

export function dryRun(
  stack: TestStack,
  actorId: string,
  clientId: string,
  csv: string,
): Promise<Gql<{ importPostsDryRun: DryRunView }>> {
  return stack.gql(
    actorId,
    `mutation($i: ImportPostsDryRunInput!) { importPostsDryRun(input: $i) {
       digest valid postCount rows { line text platformAccountIds }
       errors { line code message column } occurrences { line platformAccountId scheduledAt local } } }`,
    { i: { clientId, csv } },
  ) as never;
}

export function runImport(
  stack: TestStack,
  actorId: string,
  clientId: string,
  csv: string,
  dryRunDigest: string,
): Promise<Gql<{ importPosts: { batchId: string; postIds: string[] } }>> {
  return stack.gql(actorId, 'mutation($i: ImportPostsInput!) { importPosts(input: $i) { batchId postIds } }', {
    i: { clientId, csv, dryRunDigest },
  }) as never;
}

export async function createSlot(
  stack: TestStack,
  actorId: string,
  i: { clientId: string; platformAccountId: string; weekday: number; time: string },
) {
  return stack.gql<{ createQueueSlot: { id: string; time: string } }>(
    actorId,
    'mutation($i: CreateQueueSlotInput!) { createQueueSlot(input: $i) { id weekday time } }',
    { i },
  );
}
