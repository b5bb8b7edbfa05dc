import { z } from 'zod';
import { DEFAULT_GATEWAY_PORT } from '../../../core/config/gateway-port';

/** Where assistants reach the gateway when RAIZE_GATEWAY_PUBLIC_URL is unset: the local gateway (services/gateway). */
export const DEFAULT_GATEWAY_PUBLIC_URL = `http://127.0.0.1:${DEFAULT_GATEWAY_PORT}/mcp`;

/** The MCP endpoint assistants connect to, as operators should type it (shown on the Tool gateway screen). */
export function gatewayPublicUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.RAIZE_GATEWAY_PUBLIC_URL?.trim() || DEFAULT_GATEWAY_PUBLIC_URL;
  const parsed = z.url({ protocol: /^https?$/ }).safeParse(raw);
  // A typo here would send operators' tokens somewhere else: refuse it at the first request rather than show it.
  if (!parsed.success) throw new Error('RAIZE_GATEWAY_PUBLIC_URL is not an http(s) URL');
  return parsed.data;
}
