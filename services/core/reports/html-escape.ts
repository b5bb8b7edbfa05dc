const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML content and quoted attribute values. Every string a client or an operator wrote (names, handles,
 * post text, links) goes through here before it reaches the report: the report is HTML rendered by a browser.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
