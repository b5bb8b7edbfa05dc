import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Every GraphQL answer is one operator's view of their tenants: no browser or proxy may keep it (`no-store`). Apollo's
 * cache-control plugin said so too, but it also hooked every field of every row to collect cache hints Raize never
 * gives (a fifth of a 1,000-post calendar's CPU, issue #18); this says it once per response.
 */
export function noStorePlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
