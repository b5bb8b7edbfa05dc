import { randomUUID } from 'node:crypto';
import { seedTenant } from '../../factories/tenant.factory';
import type { SeededTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

// The inbox as the API serves it: a client's conversations with the inbox's filters and pages, assignment, notes,
// escalation, closing and saved replies, each under the client's permissions. Real Postgres under row-level
// security; conversations are written as the engagement episode writes them (owner inserts stand in for it here).

interface ConversationView {
  id: string;
  status: string;
  intent: string | null;
  assigneeId: string | null;
  slaBreached: boolean;
  why: string[];
  reasons: { code: string; message: string }[];
}
const FIELDS = 'id status intent assigneeId slaBreached why';

describe('the inbox API (real Postgres, row-level security)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function account(t: SeededTenant, platform = 'sandbox'): Promise<string> {
    const [row] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
       VALUES ($1, $2, $3, $4, '@inbox', 'fp') RETURNING id`,
      [t.agencyId, t.clientId, platform, randomUUID()],
    );
    return row.id;
  }

  async function conversation(
    t: SeededTenant,
    accountId: string,
    o: { status: string; intent: string; platform?: string; at: Date; slaDueAt?: Date; text?: string },
  ): Promise<string> {
    const [c] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO conversations (agency_id, client_id, platform_account_id, platform, thread_key, kind, status, intent,
         sentiment, why, sla_due_at, last_message_at)
       VALUES ($1, $2, $3, $4, $5, 'comment', $6, $7, 'neutral', '["mentions a refund"]'::jsonb, $8, $9) RETURNING id`,
      [
        t.agencyId,
        t.clientId,
        accountId,
        o.platform ?? 'sandbox',
        `post:${randomUUID()}`,
        o.status,
        o.intent,
        o.slaDueAt ?? null,
        o.at,
      ],
    );
    await stack.ds.query(
      `INSERT INTO conversation_messages (agency_id, client_id, conversation_id, direction, author_handle, text, occurred_at)
       VALUES ($1, $2, $3, 'in', '@fan', $4, $5)`,
      [t.agencyId, t.clientId, c.id, o.text ?? 'Where is my refund?', o.at],
    );
    return c.id;
  }

  const inbox = (actor: string, args: string) =>
    stack.gql<{ inbox: { items: ConversationView[]; endCursor: string | null } }>(
      actor,
      `query { inbox(${args}) { items { ${FIELDS} } endCursor } }`,
    );

  it('lists a client’s conversations newest first, filtered and paged, with breached SLAs highlighted', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await account(t);
    const base = Date.now() - 3600_000;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        await conversation(t, acc, {
          status: i % 2 ? 'escalated' : 'answered',
          intent: i % 2 ? 'refund' : 'question',
          at: new Date(base + i * 60_000),
          slaDueAt: i === 1 ? new Date(Date.now() - 60_000) : undefined,
        }),
      );
    const first = await inbox(t.users.reviewer, `clientId: "${t.clientId}", first: 2`);
    expect(first.errors).toBeUndefined();
    expect(first.data!.inbox.items.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    const rest = await inbox(
      t.users.reviewer,
      `clientId: "${t.clientId}", first: 10, after: "${first.data!.inbox.endCursor}"`,
    );
    expect(rest.data!.inbox.items.map((c) => c.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(rest.data!.inbox.endCursor).toBeNull();

    const refunds = await inbox(t.users.analyst, `clientId: "${t.clientId}", intent: refund, status: escalated`);
    expect(refunds.data!.inbox.items.map((c) => c.id)).toEqual([ids[3], ids[1]]);
    expect(refunds.data!.inbox.items[0].why).toEqual(['mentions a refund']);
    const breached = await inbox(t.users.analyst, `clientId: "${t.clientId}", breached: true`);
    expect(breached.data!.inbox.items.map((c) => [c.id, c.slaBreached])).toEqual([[ids[1], true]]);

    const bad = await inbox(t.users.analyst, `clientId: "${t.clientId}", after: "not-a-cursor"`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // another tenant sees none of it
    const other = await seedTenant(stack.ds);
    const probe = await inbox(other.users.admin, `clientId: "${t.clientId}"`);
    expect(probe.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('assigns to an operator who may work the inbox, keeps notes, escalates with an SLA and closes; an Analyst may not', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await account(t);
    const id = await conversation(t, acc, { status: 'open', intent: 'question', at: new Date() });
    const mutate = (actor: string, name: string, input: string, fields = 'id') =>
      stack.gql<Record<string, Record<string, unknown>>>(actor, `mutation { ${name}(input: ${input}) { ${fields} } }`);

    const assigned = await mutate(
      t.users.admin,
      'assignConversation',
      `{ conversationId: "${id}", assigneeId: "${t.users.reviewer}" }`,
      'assigneeId',
    );
    expect(assigned.data?.assignConversation.assigneeId).toBe(t.users.reviewer);
    const outsider = await seedTenant(stack.ds);
    const foreign = await mutate(
      t.users.admin,
      'assignConversation',
      `{ conversationId: "${id}", assigneeId: "${outsider.users.admin}" }`,
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const byAssignee = await inbox(t.users.reviewer, `clientId: "${t.clientId}", assigneeId: "${t.users.reviewer}"`);
    expect(byAssignee.data!.inbox.items.map((c) => c.id)).toEqual([id]);

    const note = await mutate(
      t.users.reviewer,
      'addConversationNote',
      `{ conversationId: "${id}", text: "Called them back" }`,
      'text authorId',
    );
    expect(note.data?.addConversationNote).toEqual({ text: 'Called them back', authorId: t.users.reviewer });
    const notes = await stack.gql<{ conversationNotes: { text: string }[] }>(
      t.users.analyst,
      `query { conversationNotes(conversationId: "${id}") { text } }`,
    );
    expect(notes.data?.conversationNotes.map((n) => n.text)).toEqual(['Called them back']);

    const escalated = await mutate(
      t.users.reviewer,
      'escalateConversation',
      `{ conversationId: "${id}", note: "legal should see this" }`,
      'status reasons { code message }',
    );
    expect(escalated.data?.escalateConversation).toEqual({
      status: 'escalated',
      reasons: [{ code: 'escalated_by_operator', message: 'legal should see this' }],
    });
    const [row] = await stack.ds.query<{ sla_due_at: Date | null }[]>(
      'SELECT sla_due_at FROM conversations WHERE id = $1',
      [id],
    );
    expect(row.sla_due_at).not.toBeNull();
    const audit = await stack.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'conversation.escalated' AND subject_id = $1`,
      [id],
    );
    expect(audit[0].n).toBe(1);

    const analyst = await mutate(t.users.analyst, 'closeConversation', `{ conversationId: "${id}" }`);
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const closed = await mutate(t.users.reviewer, 'closeConversation', `{ conversationId: "${id}" }`, 'status');
    expect(closed.data?.closeConversation.status).toBe('closed');
    const [after] = await stack.ds.query<{ sla_due_at: Date | null }[]>(
      'SELECT sla_due_at FROM conversations WHERE id = $1',
      [id],
    );
    expect(after.sla_due_at).toBeNull();
  });

  it('lists the operators a conversation can be given to: those who may work the inbox, by name, this client only', async () => {
    const t = await seedTenant(stack.ds);
    const r = await stack.gql<{ inboxOperators: { id: string; role: string; displayName: string }[] }>(
      t.users.analyst,
      `query { inboxOperators(clientId: "${t.clientId}") { id role displayName } }`,
    );
    expect(r.errors).toBeUndefined();
    const ids = r.data!.inboxOperators.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([t.users.admin, t.users.reviewer, t.users.approver]));
    expect(ids).not.toContain(t.users.analyst);
    expect(r.data!.inboxOperators.every((o) => o.displayName.length > 0)).toBe(true);
    // a disabled operator is nobody's assignee
    await stack.ds.query('UPDATE users SET disabled = true WHERE id = $1', [t.users.approver]);
    const after = await stack.gql<{ inboxOperators: { id: string }[] }>(
      t.users.admin,
      `query { inboxOperators(clientId: "${t.clientId}") { id } }`,
    );
    expect(after.data!.inboxOperators.map((o) => o.id)).not.toContain(t.users.approver);
    const other = await seedTenant(stack.ds);
    const probe = await stack.gql(other.users.admin, `query { inboxOperators(clientId: "${t.clientId}") { id } }`);
    expect(probe.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps saved replies per client', async () => {
    const t = await seedTenant(stack.ds);
    const made = await stack.gql<{ createSavedReply: { id: string } }>(
      t.users.reviewer,
      `mutation { createSavedReply(input: { clientId: "${t.clientId}", title: "Shipping", text: "We ship in 2 days." }) { id } }`,
    );
    expect(made.errors).toBeUndefined();
    const list = await stack.gql<{ savedReplies: { title: string; text: string }[] }>(
      t.users.analyst,
      `query { savedReplies(clientId: "${t.clientId}") { title text } }`,
    );
    expect(list.data?.savedReplies).toEqual([{ title: 'Shipping', text: 'We ship in 2 days.' }]);
    const del = await stack.gql(
      t.users.reviewer,
      `mutation { deleteSavedReply(input: { id: "${made.data!.createSavedReply.id}" }) }`,
    );
    expect(del.errors).toBeUndefined();
    const empty = await stack.gql<{ savedReplies: unknown[] }>(
      t.users.analyst,
      `query { savedReplies(clientId: "${t.clientId}") { id } }`,
    );
    expect(empty.data?.savedReplies).toEqual([]);
  });
});
