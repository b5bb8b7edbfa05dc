import { createServer } from 'node:net';

export interface WantedPort {
  host: string;
  port: number;
  /** what needs it, and how to move it: "Temporal gRPC (temporal.yaml devServer.port)" */
  what: string;
}

function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/**
 * Fails before anything starts when a port the stack needs is taken. Otherwise the Temporal CLI exits
 * with a bare "address already in use" deep in its log, or a second API crashes after the dev server
 * is already up.
 */
export async function assertPortsFree(ports: WantedPort[]): Promise<void> {
  const taken: WantedPort[] = [];
  for (const p of ports) if (!(await canBind(p.host, p.port))) taken.push(p);
  if (!taken.length) return;
  const lines = taken.map((p) => `  - ${p.host}:${p.port} for ${p.what}`);
  throw new Error(
    `${taken.length === 1 ? 'a port the stack needs is' : 'ports the stack needs are'} already in use:\n${lines.join('\n')}\n` +
      `  Another Raize stack (npm run demo / npm run stack) or Temporal server is probably running: stop it, or find the owner with\n` +
      `  \`ss -ltnp | grep -E ':(${taken.map((p) => p.port).join('|')})\\b'\`.`,
  );
}
