import type { Browser, BrowserType } from 'playwright-core';
import { chromium } from 'playwright-core';
import { escapeHtml } from './html-escape';
import { ReportRenderError } from './report.errors';

/** Debian's Chromium, as the e2e tests drive it; RAIZE_CHROMIUM points elsewhere (a packaged build). */
export const CHROMIUM_PATH = process.env.RAIZE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface PdfOptions {
  /** shown at the foot of every page beside its number (escaped here) */
  footer: string;
  executablePath?: string;
  /** how long one render may take before it is abandoned */
  timeoutMs?: number;
}

export type RenderPdf = (html: string, opts: PdfOptions) => Promise<Buffer>;

/**
 * Prints report HTML to an A4 PDF with page numbers. The page can do nothing but lay out what it was given: its
 * JavaScript is off, the context is offline and every request it would make is aborted, so a string that slipped
 * past escaping could still neither run nor fetch (the report carries client-provided text).
 */
export const renderReportPdf: RenderPdf = async (html, opts) => {
  let browser: Browser;
  try {
    browser = await (chromium as BrowserType).launch({
      executablePath: opts.executablePath ?? CHROMIUM_PATH,
      args: ARGS,
      headless: true,
      timeout: opts.timeoutMs ?? 60_000,
    });
  } catch (err) {
    throw new ReportRenderError(
      `cannot start Chromium at ${opts.executablePath ?? CHROMIUM_PATH} (Debian: apt-get install -y chromium): ${(err as Error).message.split('\n')[0]}`,
    );
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, bypassCSP: false });
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs ?? 60_000);
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      // Chromium fills .pageNumber and .totalPages itself: no script is involved.
      footerTemplate:
        `<div style="font-size:8px;color:#555;width:100%;padding:0 14mm;display:flex;justify-content:space-between">` +
        `<span>${escapeHtml(opts.footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: '10mm', bottom: '16mm', left: '0', right: '0' },
    });
  } catch (err) {
    throw new ReportRenderError(`the report could not be printed: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    await browser.close();
  }
};
