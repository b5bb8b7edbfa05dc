/** What the id-taking queries are aimed at: another tenant's client, platform account and post. */
export interface QueryTarget {
  clientId: string;
  accountId: string;
  postId: string;
}

/** Every query that takes an id, with the variables that aim it at `target`: the cross-tenant probes walk them. */
export const ID_TAKING_QUERIES: [string, string, (i: QueryTarget) => Record<string, unknown>][] = [
  ['client', 'query($x: ID!) { client(id: $x) { id } }', (i) => ({ x: i.clientId })],
  ['policySettings', 'query($x: ID!) { policySettings(clientId: $x) { clientId } }', (i) => ({ x: i.clientId })],
  ['platformAccounts', 'query($x: ID!) { platformAccounts(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  // The browser lane (issue #17): an account's profile, and the client's restricted platforms (C-45).
  [
    'browserProfile',
    'query($x: ID!) { browserProfile(platformAccountId: $x) { id mode } }',
    (i) => ({ x: i.accountId }),
  ],
  [
    'restrictedPlatforms',
    'query($x: ID!) { restrictedPlatforms(clientId: $x) { platform enabled } }',
    (i) => ({ x: i.clientId }),
  ],
  ['assets', 'query($x: ID!) { assets(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['posts', 'query($x: ID!) { posts(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['post', 'query($x: ID!) { post(id: $x) { id } }', (i) => ({ x: i.postId })],
  ['killSwitches', 'query($x: ID!) { killSwitches(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['auditEvents', 'query($x: ID!) { auditEvents(postId: $x) { id } }', (i) => ({ x: i.postId })],
  // A post's receipt checks (issue #15) are fields of the post: reached through post(id) only.
  [
    'post.receiptChecks',
    'query($x: ID!) { post(id: $x) { receipt receiptChecks { result } } }',
    (i) => ({ x: i.postId }),
  ],
  ['verifyAuditChain', 'query($x: ID!) { verifyAuditChain(clientId: $x) { ok } }', (i) => ({ x: i.clientId })],
  [
    'postCalendar',
    'query($x: ID!) { postCalendar(clientId: $x, from: "2026-01-01", to: "2026-02-01") { id } }',
    (i) => ({ x: i.clientId }),
  ],
  ['approvalQueue', 'query($x: ID!) { approvalQueue(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['queueSlots', 'query($x: ID!) { queueSlots(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['brandKit', 'query($x: ID!) { brandKit(clientId: $x) { clientId } }', (i) => ({ x: i.clientId })],
  ['kbSources', 'query($x: ID!) { kbSources(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['aiSettings', 'query($x: ID!) { aiSettings(clientId: $x) { clientId } }', (i) => ({ x: i.clientId })],
  ['providerKeys', 'query($x: ID!) { providerKeys(clientId: $x) { provider } }', (i) => ({ x: i.clientId })],
  ['plans', 'query($x: ID!) { plans(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['recurringPlanning', 'query($x: ID!) { recurringPlanning(clientId: $x) { paused } }', (i) => ({ x: i.clientId })],
  ['reviewQueue', 'query($x: ID!) { reviewQueue(clientId: $x) { endCursor } }', (i) => ({ x: i.clientId })],
  ['connectorHealth', 'query($x: ID!) { connectorHealth(clientId: $x) { accountId } }', (i) => ({ x: i.clientId })],
  ['inbox', 'query($x: ID!) { inbox(clientId: $x) { endCursor } }', (i) => ({ x: i.clientId })],
  // A conversation of the target tenant is named by its post's id here: either way nothing of it may come back.
  ['conversation', 'query($x: ID!) { conversation(id: $x) { id } }', (i) => ({ x: i.postId })],
  [
    'conversationMessages',
    'query($x: ID!) { conversationMessages(conversationId: $x) { id } }',
    (i) => ({ x: i.postId }),
  ],
  ['conversationNotes', 'query($x: ID!) { conversationNotes(conversationId: $x) { id } }', (i) => ({ x: i.postId })],
  [
    'conversationReplies',
    'query($x: ID!) { conversationReplies(conversationId: $x) { id } }',
    (i) => ({ x: i.postId }),
  ],
  ['inboxOperators', 'query($x: ID!) { inboxOperators(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['savedReplies', 'query($x: ID!) { savedReplies(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['webhookSubscriptions', 'query($x: ID!) { webhookSubscriptions(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['reports', 'query($x: ID!) { reports(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  // A report of the target tenant is named by its post's id here: nothing of it may come back either way.
  ['report', 'query($x: ID!) { report(id: $x) { id } }', (i) => ({ x: i.postId })],
  ['clientReviewers', 'query($x: ID!) { clientReviewers(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['reviewLinks', 'query($x: ID!) { reviewLinks(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['reportSchedule', 'query($x: ID!) { reportSchedule(clientId: $x) { enabled } }', (i) => ({ x: i.clientId })],
  // A subscription of the target tenant is named by its post's id here: the client check answers first either way.
  [
    'webhookDeliveries',
    'query($x: ID!, $s: ID!) { webhookDeliveries(clientId: $x, subscriptionId: $s) { id } }',
    (i) => ({ x: i.clientId, s: i.postId }),
  ],
];
