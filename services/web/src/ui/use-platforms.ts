import { useMemo } from 'react';
import { PlatformsQuery } from '../api/operations';
import { useQuery } from '../api/use-query';
import type { PlatformsQuery as PlatformsAnswer } from '../gql/graphql';

export type PlatformInfo = PlatformsAnswer['platforms'][number];

/**
 * The platforms Raize has connectors for, with what this installation can connect and what each accepts. The
 * rules shown in the app are a preview: the API checks them again when a post is scheduled.
 */
export function usePlatforms() {
  const q = useQuery(PlatformsQuery, {});
  const byId = useMemo(() => new Map((q.data?.platforms ?? []).map((p) => [p.id, p])), [q.data]);
  return { ...q, list: q.data?.platforms, byId };
}

/** "a Sandbox account", "an Instagram account", "an X account": said as the name is read aloud. */
export function withArticle(name: string): string {
  return `${/^(?:[AEIOU]|X\b)/i.test(name) ? 'an' : 'a'} ${name}`;
}
