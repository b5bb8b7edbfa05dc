import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webAppMiddleware } from './web-app.middleware';

interface Recorded {
  status?: number;
  body?: string;
  file?: string;
  headers: Record<string, string>;
  next: boolean;
}

function call(dist: string, method: string, path: string, fileError?: Error & { status?: number }): Recorded {
  const r: Recorded = { headers: {}, next: false };
  const res = {
    status(n: number) {
      r.status = n;
      return res;
    },
    type(t: string) {
      r.headers['content-type'] = t;
      return res;
    },
    set(k: string, v: string) {
      r.headers[k] = v;
      return res;
    },
    send(b: string) {
      r.body = b;
    },
    sendFile(p: string, _o: unknown, cb: (e?: Error & { status?: number }) => void) {
      r.file = p;
      cb(fileError);
    },
  };
  webAppMiddleware(dist)({ method, path }, res, () => {
    r.next = true;
  });
  return r;
}

describe('serving the admin app from the API process', () => {
  const built = mkdtempSync(join(tmpdir(), 'raize-web-'));
  mkdirSync(join(built, 'assets'));
  writeFileSync(join(built, 'index.html'), '<!doctype html><div id="root"></div>');
  const missing = join(tmpdir(), 'raize-web-never-built');

  it('answers deep links with index.html, revalidated every time', () => {
    const r = call(built, 'GET', '/c/1b2c/posts/3d4e');
    expect(r.file).toBe('index.html');
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  it('leaves API paths and other methods to the API', () => {
    for (const [m, p] of [
      ['GET', '/graphql'],
      ['GET', '/oauth/sandbox/callback'],
      ['GET', '/health'],
      ['POST', '/c/1/calendar'],
    ])
      expect(call(built, m, p).next).toBe(true);
  });

  it('serves a file that exists, and passes a missing one on to the 404 handler', () => {
    expect(call(built, 'GET', '/assets/index-abc.js').file).toBe('/assets/index-abc.js');
    const gone = Object.assign(new Error('ENOENT'), { status: 404 });
    expect(call(built, 'GET', '/assets/gone.js', gone).next).toBe(true);
  });

  it('says how to build the app when the build is missing', () => {
    const r = call(missing, 'GET', '/');
    expect(r.status).toBe(503);
    expect(r.body).toMatch(/npm run web:build/);
    expect(r.body).not.toMatch(/<script|style=/);
  });
});
