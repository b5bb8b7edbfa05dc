import { SetMetadata } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';

export const PINNED_ORIGIN_KEY = 'raize:csrf-pinned-origin';

/** The one browser origin a route trusts in place of the CSRF token, read from the configuration at request time. */
export type PinnedOriginOf = (config: AppConfig) => string;

/**
 * For an HTTP route that a browser app on another origin calls with the operator's session cookie but cannot
 * give our CSRF token to (Temporal Web calling the codec endpoint): a session request whose `Origin` header is
 * exactly this origin needs no `x-csrf-token`; any other session request still does (C-07, C-14).
 *
 * Safe only on routes that change nothing and whose CORS answers this origin alone: a browser always sends
 * `Origin` on a cross-origin POST and a page cannot forge it, so only that app's own pages pass. Requests
 * without `Origin` (scripts, the CLI) keep needing the CSRF token, or a bearer token. Never on GraphQL.
 */
export const CsrfByPinnedOrigin = (originOf: PinnedOriginOf): ClassDecorator & MethodDecorator =>
  SetMetadata(PINNED_ORIGIN_KEY, originOf);
