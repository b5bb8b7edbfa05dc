import { useMemo } from 'react';
import { AssetsQuery, PlatformAccountsQuery, PostsQuery } from './operations';
import { useQuery } from './use-query';

/** A client's posts, polled so that workflow progress shows without a reload. */
export function usePosts(clientId: string, pollMs = 4000) {
  return useQuery(PostsQuery, { clientId }, { pollMs });
}

/** Asset texts by id: posts carry the asset id, previews need the words. */
export function useAssetTexts(clientId: string, pollMs?: number) {
  const q = useQuery(AssetsQuery, { clientId }, { pollMs });
  const byId = useMemo(() => new Map((q.data?.assets ?? []).map((a) => [a.id, a])), [q.data]);
  return { ...q, byId };
}

export function useAccounts(clientId: string, pollMs?: number) {
  const q = useQuery(PlatformAccountsQuery, { clientId }, { pollMs });
  const byId = useMemo(() => new Map((q.data?.platformAccounts ?? []).map((a) => [a.id, a])), [q.data]);
  return { ...q, byId };
}

export function excerpt(text: string | undefined, max = 80): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
