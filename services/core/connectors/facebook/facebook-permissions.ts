import { missingInsightsWords } from '../metrics-figures';

/**
 * What a Page connection needs, from the Pages API pages (posts, getting-started, Video API publishing): a Page
 * token of a person who can do the CREATE_CONTENT task, with pages_manage_posts and pages_read_engagement;
 * pages_show_list lets us list the Page at connect time and re-derive its token on refresh. read_insights is for the
 * analytics episode: Page and post insights want it with pages_read_engagement, from a person who can do the ANALYZE
 * task (https://developers.facebook.com/documentation/pages-api/platforminsights/page,
 * https://developers.facebook.com/docs/graph-api/reference/insights). pages_manage_engagement (replies) is asked for
 * when replies ship, not before.
 */
export const FACEBOOK_SCOPES = [
  'pages_show_list',
  'pages_manage_posts',
  'pages_read_engagement',
  'read_insights',
] as const;

export const FACEBOOK_REQUIRED_TASK = 'CREATE_CONTENT';

const WORDS: Record<(typeof FACEBOOK_SCOPES)[number], string> = {
  pages_show_list: 'the pages_show_list permission (list the Pages you manage, to renew the Page token)',
  pages_manage_posts: 'the pages_manage_posts permission (publish as the Page)',
  pages_read_engagement: "the pages_read_engagement permission (read the Page's posts back)",
  // Publishing does not need it: a Page connected before Raize asked for it still publishes, without insights.
  read_insights: missingInsightsWords('read_insights'),
};

export const MISSING_TASK_WORDS = 'the CREATE_CONTENT task on the Page (a role that may publish)';

/**
 * The permissions this connection lacks, in an operator's words. A pages_* permission granted for other Pages only
 * (granular scopes list the Pages it applies to) counts as missing for this one.
 */
export function missingPermissions(
  granted: { scopes: string[]; granular: { scope: string; target_ids?: string[] }[] },
  pageId: string | undefined,
): string[] {
  return FACEBOOK_SCOPES.filter((scope) => {
    if (!granted.scopes.includes(scope)) return true;
    const targets = granted.granular.find((g) => g.scope === scope)?.target_ids;
    return pageId !== undefined && targets !== undefined && !targets.includes(pageId);
  }).map((scope) => WORDS[scope]);
}
