// Code that runs inside the page, kept as strings: the root tsconfig has no DOM types (the app has its own).

/** Before any page script: records every CSP violation the document reports. */
export const RECORD_CSP_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
`;

export const READ_CSP_VIOLATIONS = 'window.__cspViolations || []';

/** Adds an inline script, which the CSP must refuse (the negative control of the CSP check). */
export const ADD_INLINE_SCRIPT = `(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s); })()`;

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (already injected) on the whole document and answers its violations. */
export const RUN_AXE = `(async () => {
  const r = await window.axe.run(document, { resultTypes: ['violations'] });
  return { version: window.axe.version, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) })) };
})()`;

/** Moves the single-page app to `path` as its own links do (history + popstate), without reloading the page. */
export function spaNavigate(path: string): string {
  return `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'));`;
}
