import type { Locator, Page } from 'playwright-core';
import type { FieldSource, SelectorMap } from '../selector-maps/selector-map.schema';
import { ENGINE_TIMEOUTS } from './engine-timeouts';

/** One value read from the page per a map's field sources, or why it could not be. */
export type FieldRead =
  | { ok: true; value: string }
  | { ok: false; reason: 'missing'; keys: string[] }
  | { ok: false; reason: 'disagree'; keys: string[] };

/**
 * Reads one field: every source in the map must show exactly one element with a non-empty value, and all sources
 * must agree (an account id carried both in an attribute and in text is only trusted when both say the same).
 * `scope` is a list item when the sources are item fields; a source naming the item's own key reads the item itself.
 */
export async function readField(
  page: Page,
  map: SelectorMap,
  sources: readonly FieldSource[],
  scope?: { key: string; item: Locator },
): Promise<FieldRead> {
  const values: string[] = [];
  const missing: string[] = [];
  for (const source of sources) {
    const spec = map.selectors[source.selector];
    if (!spec) return { ok: false, reason: 'missing', keys: [source.selector] };
    let target: Locator;
    if (scope && source.selector === scope.key) target = scope.item;
    else if (scope && spec.within === scope.key) target = scope.item.locator(`css=${spec.css}`);
    else target = page.locator(`css=${spec.css}`);
    const count = await target.count().catch(() => 0);
    if (count !== 1) {
      missing.push(source.selector);
      continue;
    }
    const raw = source.attribute
      ? await target.getAttribute(source.attribute, { timeout: ENGINE_TIMEOUTS.elementMs })
      : await target.textContent({ timeout: ENGINE_TIMEOUTS.elementMs });
    const value = raw?.trim() ?? '';
    if (!value) missing.push(source.selector);
    else values.push(value);
  }
  if (missing.length) return { ok: false, reason: 'missing', keys: missing };
  if (new Set(values).size > 1) return { ok: false, reason: 'disagree', keys: sources.map((s) => s.selector) };
  return { ok: true, value: values[0]! };
}
