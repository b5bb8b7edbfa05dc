import type { GatewayTool } from '../../gql/graphql';

/**
 * What each tool lets an assistant or an AI step do, in an operator's words. Typed by the API's enum (codegen), so a
 * tool added to the gateway fails the app's typecheck until it has words here.
 */
export const TOOL_WORDS: Record<GatewayTool, string> = {
  kb_search: 'Search the client’s knowledge base (summaries first)',
  web_fetch: 'Fetch a public web page (private and internal addresses are refused)',
  brand_kit: 'Read the client’s brand kit',
  text_generate: 'Write text with the client’s AI providers (counts against their budget)',
  image_generate: 'Make images with the client’s AI providers (counts against their budget)',
  analytics_query: 'Read the client’s analytics',
  post_draft: 'Draft a post in Raize (never on a platform)',
  reply_propose: 'Propose a reply to a comment; a person or the inbox rules decide on it',
  clients_list: 'List the clients the operator works on',
  posts_list: 'List a client’s posts',
  calendar_read: 'Read a client’s calendar',
  inbox_read: 'Read a client’s inbox',
  post_schedule: 'Schedule a drafted post; it still waits for a person’s approval',
  script_run: 'Run a script (only while scripts are on, below)',
};

/** Ordered for the screen: what reads first, what writes after, scripts last. */
export const TOOL_ORDER = Object.keys(TOOL_WORDS) as GatewayTool[];
