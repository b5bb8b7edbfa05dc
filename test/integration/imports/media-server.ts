import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A PNG signature and IHDR tag, then random bytes: sniffed as image/png, unique per server. */
export const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(512)]);
/** An ISO BMFF `ftyp` box: sniffed as video/mp4. */
export const MP4 = Buffer.concat([
  Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
  randomBytes(512),
]);

export interface MediaServer {
  url: string;
  /** paths requested, in order */
  requests: string[];
  close(): Promise<void>;
}

/** A local web server holding an image (/image.png), a clip (/clip.mp4), a PDF (/terms.pdf), nothing else (404). */
export async function startMediaServer(): Promise<MediaServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/image.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    else if (req.url === '/clip.mp4') res.writeHead(200, { 'content-type': 'video/mp4' }).end(MP4);
    else if (req.url === '/terms.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n');
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * The test stack's environment for imports: plain http and 127.0.0.1 allowed for the fetcher (the media server
 * above), every other private range still refused (C-35); artifacts in a directory of the test's own.
 */
export function importEnv(artifactsDir: string): Record<string, string> {
  return {
    RAIZE_FETCH_ALLOW_HTTP: '1',
    RAIZE_FETCH_ALLOW_PRIVATE: '127.0.0.1/32',
    RAIZE_ARTIFACTS_DIR: artifactsDir,
  };
}
