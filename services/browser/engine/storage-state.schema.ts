import { z } from 'zod';
import type { BrowserStorageState } from '../../core/browser/browser-driver.port';

// The storage state arrives decrypted from a profile (C-40): it is checked here, at the edge of the browser, and
// errors name the field, never its value (a cookie value is a live session).
const cookieSchema = z.object({
  name: z.string().min(1).max(4096),
  value: z.string().max(16_384),
  domain: z.string().min(1).max(255),
  path: z.string().startsWith('/').max(2048),
  expires: z.number(),
  httpOnly: z.boolean(),
  secure: z.boolean(),
  sameSite: z.enum(['Strict', 'Lax', 'None']),
});

const originSchema = z.object({
  origin: z.url().max(2048),
  localStorage: z.array(z.object({ name: z.string().max(4096), value: z.string().max(1_000_000) })).max(1000),
});

export const storageStateSchema = z.object({
  cookies: z.array(cookieSchema).max(500),
  origins: z.array(originSchema).max(50),
});

export function parseStorageState(input: unknown): BrowserStorageState {
  const parsed = storageStateSchema.safeParse(input);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').slice(0, 5);
    throw new TypeError(
      `the browser profile's storage state is not a Playwright storage state (at ${where.join(', ')})`,
    );
  }
  return parsed.data;
}
