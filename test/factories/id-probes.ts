/** What the id-taking queries are aimed at: another tenant's client and post. */
export interface QueryTarget {
  clientId: string;
  postId: string;
}

/** Every query that takes an id, with the variables that aim it at `target`: the cross-tenant probes walk them. */
export const ID_TAKING_QUERIES: [string, string, (i: QueryTarget) => Record<string, unknown>][] = [
  ['client', 'query($x: ID!) { client(id: $x) { id } }', (i) => ({ x: i.clientId })],
  ['policySettings', 'query($x: ID!) { policySettings(clientId: $x) { clientId } }', (i) => ({ x: i.clientId })],
  ['platformAccounts', 'query($x: ID!) { platformAccounts(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['assets', 'query($x: ID!) { assets(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['posts', 'query($x: ID!) { posts(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['post', 'query($x: ID!) { post(id: $x) { id } }', (i) => ({ x: i.postId })],
  ['killSwitches', 'query($x: ID!) { killSwitches(clientId: $x) { id } }', (i) => ({ x: i.clientId })],
  ['auditEvents', 'query($x: ID!) { auditEvents(postId: $x) { id } }', (i) => ({ x: i.postId })],
  ['verifyAuditChain', 'query($x: ID!) { verifyAuditChain(clientId: $x) { ok } }', (i) => ({ x: i.clientId })],
];
