import { join } from 'node:path';
import { repoRoot } from '../../../core/util/repo-root';

/** Where `npm run web:build` writes the admin app; RAIZE_WEB_DIST points elsewhere (a packaged build). */
export function webDistDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.RAIZE_WEB_DIST || join(repoRoot(), 'services', 'web', 'dist');
}

/** Paths the API answers itself: the app's fallback never shadows them. */
export const API_PREFIXES = [
  '/graphql',
  '/oauth',
  '/health',
  '/metrics',
  '/codec',
  '/artifacts',
  '/r',
  '/portal/api',
] as const;

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

/** A path that names a file (the last segment has an extension): a miss is a 404, never the app's page. */
export function looksLikeFile(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}

/** The client review portal's page (issue #14): its own entry, so no operator screen or code ships to a client. */
export function isPortalPage(path: string): boolean {
  return path === '/portal' || path.startsWith('/portal/');
}
