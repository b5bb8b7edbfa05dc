import type { Server } from 'node:net';
import { createServer } from 'node:net';
import { assertPortsFree } from './port-check';

describe('assertPortsFree', () => {
  let held: Server;
  let port: number;
  beforeAll(async () => {
    held = createServer();
    await new Promise<void>((r) => held.listen(0, '127.0.0.1', () => r()));
    port = (held.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => held.close(() => r())));

  it('names every taken port and what needs it', async () => {
    await expect(assertPortsFree([{ host: '127.0.0.1', port, what: 'the API (API_PORT)' }])).rejects.toThrow(
      new RegExp(`127\\.0\\.0\\.1:${port} for the API \\(API_PORT\\)`),
    );
  });

  it('passes when the ports are free, and leaves them free', async () => {
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', () => r()));
    const p = (free.address() as { port: number }).port;
    await new Promise<void>((r) => free.close(() => r()));
    await expect(assertPortsFree([{ host: '127.0.0.1', port: p, what: 'x' }])).resolves.toBeUndefined();
    await expect(assertPortsFree([{ host: '127.0.0.1', port: p, what: 'x' }])).resolves.toBeUndefined();
  });
});
