/**
 * The few DOM shapes that functions run inside the page use. The root tsconfig compiles for Node (lib ES2022, no
 * DOM), and adding the DOM lib would type every Node file against browser globals. A function passed to
 * page.evaluate reads `globalThis as unknown as InPageWindow` in its own body: Playwright sends only its source, so
 * it may not use anything from the module around it.
 */
export interface InPageRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface InPageNode {
  nodeType: number;
  nodeName: string;
  parentElement: InPageElement | null;
  textContent: string | null;
}

export interface InPageText extends InPageNode {
  data: string;
}

export interface InPageParent extends InPageNode {
  querySelectorAll(css: string): ArrayLike<InPageElement>;
}

export interface InPageElement extends InPageParent {
  tagName: string;
  shadowRoot: InPageParent | null;
  outerHTML: string;
  style: { setProperty(name: string, value: string, priority?: string): void };
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  getBoundingClientRect(): InPageRect;
  appendChild(child: InPageNode): void;
  remove(): void;
  cloneNode(deep: boolean): InPageElement;
}

/** <input>, <textarea> and <select> all carry a current value that the markup does not show. */
export interface InPageField extends InPageElement {
  value: string;
  type: string;
  name: string;
  placeholder?: string;
  form: InPageForm | null;
}

export interface InPageForm extends InPageElement {
  elements: { namedItem(name: string): InPageElement | null };
}

export interface InPageRange {
  setStart(node: InPageNode, offset: number): void;
  setEnd(node: InPageNode, offset: number): void;
  getClientRects(): ArrayLike<InPageRect>;
}

export interface InPageDocument extends InPageParent {
  documentElement: InPageElement;
  doctype: { name: string } | null;
  createElement(tag: string): InPageElement;
  createRange(): InPageRange;
  createTreeWalker(
    root: InPageNode,
    whatToShow: number,
    filter: { acceptNode(node: InPageNode): number },
  ): { nextNode(): InPageNode | null };
}

export interface InPageWindow {
  document: InPageDocument;
  scrollX: number;
  scrollY: number;
}
