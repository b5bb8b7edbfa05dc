// C-44: the proof of a browser step hides emails and phone numbers. Proven on the pixels: the boxes where the PII
// text was rendered are entirely the mask colour in the screenshot, while dates, ids and prices beside them are not
// covered; and the DOM snapshot holds no email, no phone, no script and no secret field value.
import type { Page } from 'playwright-core';
import { BrowserPool, captureProof, PII_MASK_RGB } from '../../../services/browser/engine';
import { describeWithChromium, EMPTY_STATE } from './engine-env';
import { page, startFixtureServer, type FixtureServer } from './fixture-server';

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const PII = {
  email: 'jane.doe@example.com',
  phone: '+1 415 555 0100',
  uk: '+44 20 7946 0958',
  'far-email': 'far@away.example',
};
const KEEP = { date: '2024-05-01', uid: 'sbx_u_0123456789', price: '$1,234.56' };
const FIELD_PHONE = '(415) 555-0100';

// Text is #333, never the pure black of the mask, so an unmasked glyph can never pass for a mask pixel.
const BODY = `<style>body{color:#333} p{font-size:28px;line-height:40px;margin:8px 0}</style>
<p>Email: <span id="email">${PII.email}</span></p>
<p>Phone: <span id="phone">${PII.phone}</span></p>
<p>Office: <span id="uk">${PII.uk}</span></p>
<p>Posted <span id="date">${KEEP.date}</span> by <span id="uid">${KEEP.uid}</span> for <span id="price">${KEEP.price}</span></p>
<form><input id="field" name="contact" style="font-size:20px;color:#333" value="">
<input type="password" name="password" value="hunter2-secret"><input type="hidden" name="csrf" value="csrf-secret-token"></form>
<script>window.marker = 'script-body-marker';</script>
<div style="height:1200px"></div>
<p>Far below: <span id="far-email">${PII['far-email']}</span></p>`;

// In-page: the page-coordinate box of each element (the spans hold only the PII text, so their box is the text's).
const BOXES = (ids: string[]) => `(${JSON.stringify(ids)}).map((id) => {
  const r = document.getElementById(id).getBoundingClientRect();
  return { id, x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
})`;

// In-page: decodes the PNG and returns, per box, the share of its pixels (1px inset) that are exactly the mask colour.
const MASKED_SHARE = (png: Buffer, boxes: Box[], rgb: readonly number[]) => `(async () => {
  const img = new Image();
  img.src = 'data:image/png;base64,${png.toString('base64')}';
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const rgb = ${JSON.stringify(rgb)};
  const shares = ${JSON.stringify(boxes)}.map((b) => {
    const x = Math.ceil(b.x) + 1, y = Math.ceil(b.y) + 1;
    const w = Math.floor(b.width) - 2, h = Math.floor(b.height) - 2;
    const d = g.getImageData(x, y, w, h).data;
    let hit = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] === rgb[0] && d[i + 1] === rgb[1] && d[i + 2] === rgb[2]) hit++;
    return [b.id, hit / (w * h)];
  });
  return { width: img.width, height: img.height, shares: Object.fromEntries(shares) };
})()`;

describeWithChromium('proof capture', () => {
  let site: FixtureServer;
  let pool: BrowserPool;

  beforeAll(async () => {
    site = await startFixtureServer();
    pool = new BrowserPool({ platforms: { sandbox: { maxConcurrent: 1, origins: [site.url] } } });
    // the sandbox's own Content-Security-Policy: the masks must work without inline style attributes
    site.route('GET', '/contact', {
      html: page(BODY),
      headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:" },
    });
  });
  afterAll(async () => {
    await pool?.close();
    await site?.close();
  });

  const withPage = <T>(fn: (tab: Page, decoder: Page) => Promise<T>) =>
    pool.withContext('sandbox', EMPTY_STATE, async (ctx) => {
      const tab = await ctx.newPage();
      await tab.goto(`${site.url}/contact?email=${encodeURIComponent(PII.email)}`);
      await tab.locator('#field').fill(FIELD_PHONE);
      return fn(tab, await ctx.newPage());
    });

  it('[C-44] screenshots mask emails and phone numbers', async () => {
    await withPage(async (tab, decoder) => {
      const ids = [...Object.keys(PII), 'field', ...Object.keys(KEEP)];
      const boxes = (await tab.evaluate(BOXES(ids))) as Box[];
      const proof = await captureProof(tab);

      const png = (await decoder.evaluate(MASKED_SHARE(proof.screenshotPng, boxes, PII_MASK_RGB))) as {
        width: number;
        height: number;
        shares: Record<string, number>;
      };
      // the whole page, not only the first screen: the email far below is in the picture (and masked)
      expect(png.width).toBe(1280);
      expect(png.height).toBeGreaterThan(1300);
      for (const id of [...Object.keys(PII), 'field']) expect([id, png.shares[id]]).toEqual([id, 1]);
      for (const id of Object.keys(KEEP)) expect([id, png.shares[id]]).toEqual([id, 0]);
      expect(proof.masked).toBe(5);

      // the overlay is gone from the page once the picture is taken
      expect(await tab.evaluate("document.querySelectorAll('[data-raize-pii-mask]').length")).toBe(0);
      expect(await tab.locator('#email').isVisible()).toBe(true);
    });
  });

  it('[C-44] the DOM snapshot and URL carry no email, phone, script or secret field value', async () => {
    await withPage(async (tab) => {
      const proof = await captureProof(tab);
      for (const secret of [
        ...Object.values(PII),
        FIELD_PHONE,
        'hunter2-secret',
        'csrf-secret-token',
        'script-body-marker',
      ]) {
        expect([secret, proof.domHtml.includes(secret)]).toEqual([secret, false]);
      }
      expect(proof.domHtml).not.toMatch(/<script/i);
      expect(proof.domHtml).toContain('<span id="email">[email]</span>');
      expect(proof.domHtml).toContain('<span id="phone">[phone]</span>');
      expect(proof.domHtml).toContain('value="[phone]"');
      for (const kept of Object.values(KEEP)) expect(proof.domHtml).toContain(kept);
      expect(proof.domHtml.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(proof.scrubbed).toBe(5);
      expect(proof.url).toBe(`${site.url}/contact`);
    });
  });
});
