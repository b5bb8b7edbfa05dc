import type { PageKey, SelectorMap } from '../selector-maps/selector-map.schema';

export type PageParams = Partial<Record<'id' | 'username', string>>;

/** The absolute URL of a map page on the platform, its `{param}`s filled in and escaped. */
export function pageUrl(map: SelectorMap, baseUrl: string, page: PageKey, params: PageParams = {}): string {
  const path = map.pages[page].path.replace(/\{([a-z]+)\}/g, (_, name: string) => {
    const value = params[name as keyof PageParams];
    if (value === undefined || value === '') throw new TypeError(`the ${page} page needs its ${name}`);
    return encodeURIComponent(value);
  });
  return new URL(path, baseUrl).toString();
}

/** The `{param}`s of a map page read back from a URL, or null when the URL is not that page. */
export function matchPageUrl(map: SelectorMap, baseUrl: string, page: PageKey, url: string): PageParams | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  if (target.origin !== new URL(baseUrl).origin) return null;
  const names: string[] = [];
  const pattern = map.pages[page].path
    .split(/(\{[a-z]+\})/)
    .map((part) => {
      const param = /^\{([a-z]+)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('');
  const m = new RegExp(`^${pattern}/?$`).exec(target.pathname);
  if (!m) return null;
  const params: PageParams = {};
  names.forEach((name, i) => {
    params[name as keyof PageParams] = decodeURIComponent(m[i + 1]!);
  });
  return params;
}

/** Origin and path of a page: what errors and proof may name (a query string can carry a token or an email). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(unparsable)';
  }
}
