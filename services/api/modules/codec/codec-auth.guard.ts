import { ActorGuard } from '../../auth/actor.guard';

/**
 * Who the codec endpoint's caller is: the API's own ActorGuard (a session cookie from Temporal Web, whose Origin
 * stands in for the CSRF token as CodecController declares, or a bearer API token from the CLI). The one place to
 * swap the codec's authentication, say for Temporal Web's own OIDC access token.
 */
export const CodecAuthGuard = ActorGuard;
