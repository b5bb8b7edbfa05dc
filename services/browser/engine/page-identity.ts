import type { Page } from 'playwright-core';
import type { PageIdentity } from '../../core/browser/browser-driver.port';
import type { SelectorMap } from '../selector-maps/selector-map.schema';
import { BrowserLaneError } from './browser-lane.errors';
import { readField } from './page-read';
import { safeUrl } from './page-url';

export type IdentityRead = { kind: 'ok'; identity: PageIdentity } | { kind: 'drift'; missing: string[] };

/**
 * The account the signed-in page says it is (C-41 compares it with the profile's signed manifest before any action).
 * A missing card, or a missing piece of it, is drift. A card whose sources disagree (the account id in the attribute
 * and in the text differ) cannot be trusted and throws identity_unreadable.
 */
export async function readIdentity(page: Page, map: SelectorMap): Promise<IdentityRead> {
  const reads = map.reads.identity;
  const missing: string[] = [];
  const values: Partial<Record<keyof typeof reads, string>> = {};
  for (const field of ['externalAccountId', 'handle', 'displayName'] as const) {
    const read = await readField(page, map, reads[field]);
    if (read.ok) values[field] = read.value;
    else if (read.reason === 'missing') missing.push(...read.keys);
    else
      throw new BrowserLaneError('identity_unreadable', `the identity card's ${field} is shown twice with two values`, {
        url: safeUrl(page.url()),
      });
  }
  if (missing.length) return { kind: 'drift', missing: [...new Set(missing)] };
  return {
    kind: 'ok',
    identity: {
      externalAccountId: values.externalAccountId!,
      handle: values.handle!,
      displayName: values.displayName!,
    },
  };
}
