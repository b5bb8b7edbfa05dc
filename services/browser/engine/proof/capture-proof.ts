import type { Page } from 'playwright-core';
import { ENGINE_TIMEOUTS } from '../engine-timeouts';
import type { InPageElement, InPageField, InPageNode, InPageText, InPageWindow } from '../in-page-dom';
import { safeUrl } from '../page-url';
import { findPii, scrubPii } from './mask-pii';

/** What one browser step leaves as proof (C-44); the caller stores it in the artifact store. */
export interface CapturedProof {
  /** PNG of the full page with every email and phone number painted over */
  screenshotPng: Buffer;
  /** the page's DOM with emails and phones replaced, scripts and secret-bearing field values removed */
  domHtml: string;
  /** origin and path of the page, scrubbed the same way */
  url: string;
  /** emails and phone numbers painted over on the screenshot */
  masked: number;
  /** emails and phone numbers replaced in the DOM snapshot (hidden ones included) */
  scrubbed: number;
}

/** The opaque colour of the boxes over emails and phone numbers (tests look for exactly this colour). */
export const PII_MASK_RGB = [0, 0, 0] as const;
/** Marks the overlay so it is never part of the DOM snapshot and is removed after the screenshot. */
const MASK_ATTR = 'data-raize-pii-mask';
/** Padding around each box: antialiased glyph edges reach a pixel past the text's box. */
const MASK_PAD_PX = 2;

/** A piece of text on the page: a text node (masked glyph by glyph) or a form field (masked as a whole box). */
interface TextTarget {
  node: InPageNode;
  text: string;
  whole: boolean;
}

// Runs in the page. Walks the document (and open shadow roots) for visible-text nodes and the current values of form
// fields, which are painted but are not in any text node.
function collectTextTargets(): TextTarget[] {
  const w = globalThis as unknown as InPageWindow;
  const d = w.document;
  const targets: TextTarget[] = [];
  const skip = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TEXTAREA', 'SELECT', 'OPTION'];
  const walk = (root: InPageNode) => {
    // 1 = SHOW_ELEMENT, 4 = SHOW_TEXT; acceptNode 2 = FILTER_REJECT (skip the subtree), 1 = FILTER_ACCEPT
    const walker = d.createTreeWalker(root, 1 | 4, {
      acceptNode: (node) => (node.nodeType === 1 && skip.includes(node.nodeName) ? 2 : 1),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 3) {
        const text = (node as InPageText).data;
        if (text.trim()) targets.push({ node, text, whole: false });
      } else {
        const shadow = (node as InPageElement).shadowRoot;
        if (shadow) walk(shadow);
      }
    }
  };
  walk(d.documentElement);
  const fields = d.querySelectorAll('input, textarea, select');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as InPageField;
    const type = (field.type || '').toLowerCase();
    if (type === 'hidden' || type === 'password') continue;
    let text = field.value || field.placeholder || '';
    if (field.tagName === 'SELECT') text = field.textContent ?? '';
    if (text.trim()) targets.push({ node: field, text, whole: true });
  }
  return targets;
}

// Runs in the page: one opaque box per line box of every span, in a layer above everything. Styles are set through
// CSSOM, which a page's Content-Security-Policy does not block (a style attribute would be).
function paintMasks(
  targets: TextTarget[],
  arg: { spans: [number, number][][]; rgb: readonly number[]; attr: string; pad: number },
): number {
  const w = globalThis as unknown as InPageWindow;
  const d = w.document;
  const layer = d.createElement('div');
  layer.setAttribute(arg.attr, '');
  const place = (el: InPageElement, props: Record<string, string>) => {
    for (const [k, v] of Object.entries(props)) el.style.setProperty(k, v, 'important');
  };
  place(layer, {
    position: 'absolute',
    left: '0',
    top: '0',
    width: '0',
    height: '0',
    margin: '0',
    padding: '0',
    overflow: 'visible',
    'z-index': '2147483647',
    'pointer-events': 'none',
  });
  const colour = `rgb(${arg.rgb.join(',')})`;
  let covered = 0;
  targets.forEach((target, i) => {
    const spans = arg.spans[i] ?? [];
    if (spans.length === 0) return;
    let rects: { left: number; top: number; width: number; height: number }[];
    if (target.whole) {
      rects = [(target.node as InPageElement).getBoundingClientRect()];
    } else {
      rects = [];
      for (const [start, end] of spans) {
        const range = d.createRange();
        range.setStart(target.node, start);
        range.setEnd(target.node, end);
        rects.push(...Array.from(range.getClientRects()));
      }
    }
    let painted = false;
    for (const r of rects) {
      if (r.width <= 0 || r.height <= 0) continue;
      const box = d.createElement('div');
      place(box, {
        position: 'absolute',
        left: `${r.left + w.scrollX - arg.pad}px`,
        top: `${r.top + w.scrollY - arg.pad}px`,
        width: `${r.width + 2 * arg.pad}px`,
        height: `${r.height + 2 * arg.pad}px`,
        background: colour,
        opacity: '1',
        margin: '0',
        padding: '0',
        border: '0',
      });
      layer.appendChild(box);
      painted = true;
    }
    if (painted) covered += spans.length;
  });
  d.documentElement.appendChild(layer);
  return covered;
}

function removeMasks(attr: string): void {
  const d = (globalThis as unknown as InPageWindow).document;
  const layers = d.querySelectorAll(`[${attr}]`);
  for (let i = 0; i < layers.length; i++) layers[i]!.remove();
}

// Runs in the page: a serialised copy of the DOM as the user sees it (field values included) without what must not
// be stored: scripts, password and hidden field values (hidden fields carry CSRF tokens), token meta tags.
function snapshotDom(attr: string): string {
  const d = (globalThis as unknown as InPageWindow).document;
  const clone = d.documentElement.cloneNode(true);
  const drop = (list: ArrayLike<InPageElement>) => {
    for (let i = list.length - 1; i >= 0; i--) list[i]!.remove();
  };
  drop(clone.querySelectorAll(`[${attr}]`));
  drop(clone.querySelectorAll('script'));
  const live = d.documentElement.querySelectorAll('input, textarea, select');
  const copies = clone.querySelectorAll('input, textarea, select');
  for (let i = 0; i < live.length && i < copies.length; i++) {
    const field = live[i] as InPageField;
    const copy = copies[i]!;
    const type = (field.type || '').toLowerCase();
    if (field.tagName === 'TEXTAREA') copy.textContent = field.value;
    else if (field.tagName !== 'INPUT' || type === 'checkbox' || type === 'radio' || type === 'file') continue;
    else if (type === 'password' || type === 'hidden') copy.removeAttribute('value');
    else copy.setAttribute('value', field.value);
  }
  const metas = clone.querySelectorAll('meta[name]');
  for (let i = 0; i < metas.length; i++) {
    if (/csrf|token|nonce|secret|session/i.test(metas[i]!.getAttribute('name') ?? '')) {
      metas[i]!.removeAttribute('content');
    }
  }
  return (d.doctype ? `<!DOCTYPE ${d.doctype.name}>\n` : '') + clone.outerHTML;
}

/**
 * Proof of the page as it is now (C-44): every email and phone number found in its text and field values is painted
 * over before a full-page screenshot and the overlay removed right after; the DOM snapshot is scrubbed with the same
 * patterns. Text split across elements ("+1" in one span, the rest in another) is only masked where each part is a
 * number on its own: masking is "where possible", as the control says.
 */
export async function captureProof(page: Page): Promise<CapturedProof> {
  const targets = await page.evaluateHandle(collectTextTargets);
  let screenshotPng: Buffer;
  let masked: number;
  try {
    const texts = await targets.evaluate((list) => list.map((t) => t.text));
    const spans = texts.map((text) => findPii(text).map((s): [number, number] => [s.start, s.end]));
    try {
      masked = await targets.evaluate(paintMasks, { spans, rgb: PII_MASK_RGB, attr: MASK_ATTR, pad: MASK_PAD_PX });
      screenshotPng = await page.screenshot({
        fullPage: true,
        type: 'png',
        animations: 'disabled',
        caret: 'hide',
        timeout: ENGINE_TIMEOUTS.screenshotMs,
      });
    } finally {
      await page.evaluate(removeMasks, MASK_ATTR);
    }
  } finally {
    await targets.dispose();
  }
  // The serialiser writes U+00A0 as &nbsp;: turned back so "+1&nbsp;415…" is still seen as one number.
  const dom = scrubPii((await page.evaluate(snapshotDom, MASK_ATTR)).replace(/&nbsp;/g, '\u00a0'));
  return { screenshotPng, domHtml: dom.text, url: scrubPii(safeUrl(page.url())).text, masked, scrubbed: dom.count };
}
