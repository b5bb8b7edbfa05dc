import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { MailCatcherClient } from '../../../services/mailcatcher/mail-catcher.client';
import type { RunningMailCatcher } from '../../../services/mailcatcher/mail-catcher.server';
import { startMailCatcher } from '../../../services/mailcatcher/mail-catcher.server';
import { solidPng } from '../../../services/emulators/providers/tiny-png';
import { createLaneWorkers } from '../../../services/worker/lane-workers';
import { createWorkerDeps } from '../../../services/worker/worker-deps';
import { reportScheduleId } from '../../../workflows/contracts/report.contract';
import { uploadMedia } from '../../factories/media';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { nativeConnection, temporalClient, testEnv } from '../../harness/test-env';
import { countColour, decodePng, inkRatio } from './png-pixels';
import type { Expected, ReportView } from './report-world';
import { inspectPdf, lastFourWeeks, seedConversations, seedReportData, waitForReport } from './report-world';

const BRAND = '#e4007c';
const LOGO: [number, number, number] = [0, 160, 176];
const MISSING = '00000000-0000-4000-8000-000000000000';

// A client report end to end on the real parts: figures by SQL under the client's RLS from seeded rows, the branded
// PDF printed by Debian's Chromium through the report episode on a real Temporal dev server, stored in the artifact
// store, read back through its links, rendered to images by poppler, mailed through SMTP to the in-process catcher.
describe('client reports: a branded PDF, read-only links and the monthly mail (real Temporal, Postgres, Chromium)', () => {
  let stack: TestStack;
  let catcher: RunningMailCatcher;
  let mail: MailCatcherClient;
  let worker: Worker;
  let running: Promise<void>;
  let closeDeps: () => Promise<void>;
  let workerDs: DataSource;
  let temporal: { client: Client; close: () => Promise<void> };
  let a: SeededTenant;
  let b: SeededTenant;
  let expected: Expected;
  const period = lastFourWeeks();

  beforeAll(async () => {
    catcher = await startMailCatcher({ dir: mkdtempSync(join(tmpdir(), 'raize-mail-')) });
    mail = new MailCatcherClient(catcher.url);
    // No publish worker: every episode on this queue is a report (the planning lane), and nothing here publishes.
    stack = await startTestStack({ env: { RAIZE_SMTP_URL: catcher.smtpUrl } });
    const built = await createWorkerDeps(loadAppConfig(), { taskQueue: stack.taskQueue });
    workerDs = built.ds;
    closeDeps = built.close;
    const connection = await nativeConnection();
    [worker] = await createLaneWorkers({
      connection,
      namespace: testEnv().namespace,
      bundlePath: testEnv().bundlePath,
      deps: built.deps,
      dataConverter: built.dataConverter,
      lanes: ['planning'],
      taskQueueFor: () => stack.taskQueue,
    });
    running = worker.run().finally(() => connection.close());
    temporal = await temporalClient({ dataDir: stack.dataDir });

    a = await seedTenant(stack.ds, {}, 'UTC');
    await stack.ds.query(`UPDATE clients SET name = $2 WHERE id = $1`, [
      a.clientId,
      `Müller & Söhne <b>${a.clientId.slice(0, 6)}</b>`,
    ]);
    expected = await seedReportData(stack.ds, a, period.days);
    const logoKey = await uploadMedia(stack, a.users.admin, a.clientId, 'image', solidPng(96, 96, LOGO), 'image/png');
    const kit = await stack.gql(
      a.users.admin,
      'mutation($i: UpdateBrandKitInput!) { updateBrandKit(input: $i) { clientId } }',
      {
        i: { clientId: a.clientId, colours: [BRAND, '#00a0b0'], logoArtifactKey: logoKey },
      },
    );
    expect(kit.errors).toBeUndefined();
    // Three conversations handed to a human through the inbox: one missed its SLA, one was closed, one still waits.
    const [missed, closed] = await seedConversations(stack.ds, a);
    const convs = (await stack.ds.query(`SELECT id FROM conversations WHERE client_id = $1 ORDER BY thread_key`, [
      a.clientId,
    ])) as { id: string }[];
    for (const c of convs) {
      const r = await stack.gql(
        a.users.admin,
        'mutation($i: ConversationStatusInput!) { escalateConversation(input: $i) { id } }',
        {
          i: { conversationId: c.id },
        },
      );
      expect(r.errors).toBeUndefined();
    }
    await stack.ds.query(`UPDATE conversations SET sla_breached_at = now() WHERE id = $1`, [missed]);
    const close = await stack.gql(
      a.users.admin,
      'mutation($i: ConversationStatusInput!) { closeConversation(input: $i) { id } }',
      {
        i: { conversationId: closed },
      },
    );
    expect(close.errors).toBeUndefined();

    b = await seedTenant(stack.ds, {}, 'UTC');
    await stack.ds.query(`UPDATE clients SET name = $2 WHERE id = $1`, [
      b.clientId,
      `Other Brand ${b.clientId.slice(0, 6)}`,
    ]);
  }, 180_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await closeDeps?.();
    await workerDs?.destroy();
    await temporal?.close();
    await stack?.close();
    await catcher?.close();
  });

  async function generate(t: SeededTenant, range: { from?: string; to?: string } = {}): Promise<ReportView> {
    const r = await stack.gql<{ generateReport: { id: string; status: string } }>(
      t.users.approver,
      'mutation($i: GenerateReportInput!) { generateReport(input: $i) { id status } }',
      { i: { clientId: t.clientId, ...range } },
    );
    if (!r.data) throw new Error(`generateReport: ${JSON.stringify(r.errors)}`);
    expect(r.data.generateReport.status).toBe('generating');
    return waitForReport(stack, t.users.approver, r.data.generateReport.id);
  }

  async function shareLink(t: SeededTenant, reportId: string, days = 30): Promise<{ id: string; url: string }> {
    const r = await stack.gql<{ createReportLink: { url: string; link: { id: string; active: boolean } } }>(
      t.users.approver,
      'mutation($i: CreateReportLinkInput!) { createReportLink(input: $i) { url link { id active } } }',
      { i: { reportId, expiresInDays: days } },
    );
    if (!r.data) throw new Error(`createReportLink: ${JSON.stringify(r.errors)}`);
    expect(r.data.createReportLink.link.active).toBe(true);
    return { id: r.data.createReportLink.link.id, url: r.data.createReportLink.url };
  }

  const pdfOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
  const clientName = async (t: SeededTenant) =>
    ((await stack.ds.query(`SELECT name FROM clients WHERE id = $1`, [t.clientId])) as { name: string }[])[0].name;

  let reportA: ReportView;
  let linkA: { id: string; url: string };

  it('prints a branded PDF whose pages render to real images, with the client’s name and the figures of its data', async () => {
    reportA = await generate(a, { from: period.from, to: period.to });
    expect(reportA).toMatchObject({
      status: 'ready',
      trigger: 'operator',
      periodStart: period.from,
      periodEnd: period.to,
    });
    const pdf = await pdfOf(reportA.downloadUrl!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { pages, text } = inspectPdf(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const png of pages) {
      const page = decodePng(png);
      // A4 at 50 dpi: 413.4 × 584.6 pixels (210 × 297 mm), rounded up by pdftoppm.
      expect(Math.abs(page.width - 413.4)).toBeLessThan(1);
      expect(Math.abs(page.height - 584.6)).toBeLessThan(1.5);
      expect(inkRatio(page)).toBeGreaterThan(0.01);
    }
    const first = decodePng(pages[0]);
    // The header band in the client's brand colour, and its logo on it.
    expect(countColour(first, BRAND)).toBeGreaterThan(2000);
    expect(countColour(first, '#00a0b0', 8)).toBeGreaterThan(200);

    const flat = text.replace(/\s+/g, ' ');
    // The name as written: escaped into the HTML, so shown literally rather than taken as markup.
    expect(flat).toContain(await clientName(a));
    expect(flat).toContain('Prepared by Agency');
    for (const value of Object.values(expected)) expect(flat).toContain(value);
    expect(flat).toMatch(/Page 1 of \d/);
    expect(flat).not.toContain('Other Brand');

    // The same figures through the API, each with its source; all of them had data here.
    const proof = Object.fromEntries(reportA.proof.map((f) => [f.key, f]));
    expect(proof['publish.success_rate'].display).toBe(expected.publishSuccess);
    expect(proof['publish.receipts']).toMatchObject({ value: 5 });
    expect(proof['escalations.count']).toMatchObject({ value: 3 });
    expect(proof['escalations.sensitive']).toMatchObject({ value: 1 });
    expect(proof['replies.sla_rate']).toMatchObject({ value: 0.5 });
    expect(proof['ai.spend']).toMatchObject({ value: 2_000_000, display: expected.aiSpend });
    for (const f of reportA.proof) expect(f.source.length).toBeGreaterThan(10);
    const audit = (await stack.ds.query(`SELECT action, actor FROM audit_events WHERE subject_id = $1`, [
      reportA.id,
    ])) as {
      action: string;
      actor: string;
    }[];
    expect(audit.map((e) => e.action)).toContain('report.generated');
  }, 120_000);

  it('[C-02] a read-only link opens its own report and nothing else; another agency cannot read, share or revoke it', async () => {
    linkA = await shareLink(a, reportA.id);
    expect(linkA.url).toMatch(new RegExp(`^${stack.apiUrl}/r/rpt_[A-Za-z0-9_-]{43}$`));
    const token = linkA.url.split('/r/')[1];
    // Stored as its hash only (C-09's rule for bearer tokens): the database cannot open the report.
    const stored = (await stack.ds.query(`SELECT token_hash FROM report_links WHERE id = $1`, [linkA.id])) as {
      token_hash: string;
    }[];
    expect(stored[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(await stack.ds.query(`SELECT 1 FROM report_links WHERE token_hash = $1`, [token])).toHaveLength(0);

    const res = await fetch(linkA.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const viaLink = Buffer.from(await res.arrayBuffer());
    expect(viaLink.equals(await pdfOf((await waitForReport(stack, a.users.approver, reportA.id)).downloadUrl!))).toBe(
      true,
    );

    const reportB = await generate(b);
    const linkB = await shareLink(b, reportB.id);
    expect(inspectPdf(await pdfOf(linkB.url), 30).text).not.toContain('Müller');
    expect(inspectPdf(viaLink, 30).text).not.toContain('Other Brand');

    // B's Admin: A's report, a link to it, A's link — each answers exactly like something that does not exist.
    const asB = (q: string, v: Record<string, unknown>) => stack.gql(b.users.admin, q, v);
    const probes: [string, (id: string) => Record<string, unknown>][] = [
      ['query($x: ID!) { report(id: $x) { id } }', (id) => ({ x: id })],
      [
        'mutation($x: CreateReportLinkInput!) { createReportLink(input: $x) { url } }',
        (id) => ({ x: { reportId: id, expiresInDays: 5 } }),
      ],
    ];
    for (const [q, vars] of probes) {
      const foreign = await asB(q, vars(reportA.id));
      const absent = await asB(q, vars(MISSING));
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(foreign.errors?.[0]).toEqual(absent.errors?.[0]);
    }
    const revoke = 'mutation($x: ReportLinkRefInput!) { revokeReportLink(input: $x) { id } }';
    const foreign = await asB(revoke, { x: { linkId: linkA.id } });
    expect(foreign.errors?.[0]).toEqual((await asB(revoke, { x: { linkId: MISSING } })).errors?.[0]);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await fetch(linkA.url)).status).toBe(200);
    expect(
      await stack.ds.query(`SELECT 1 FROM report_links WHERE client_id = $1 AND report_id = $2`, [
        b.clientId,
        reportA.id,
      ]),
    ).toHaveLength(0);
  }, 120_000);

  it('[C-08] the read-only page is the report under a strict CSP: no script, no store, no index, no referrer', async () => {
    const res = await fetch(`${linkA.url}/view`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(expected.reach);
    expect(html).toContain('Müller &amp; Söhne &lt;b&gt;');
    expect(html).not.toMatch(/<script/i);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:;/);
    expect(csp).toContain('sandbox');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    // The one style sheet is exactly the hashed one.
    const style = /<style>(.*?)<\/style>/s.exec(html)![1];
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    for (const r of [res, await fetch(linkA.url)]) {
      expect(r.headers.get('cache-control')).toContain('no-store');
      expect(r.headers.get('x-robots-tag')).toContain('noindex');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('[C-02] a revoked or expired link, and an unknown or malformed token, all answer the same 404 page without detail', async () => {
    const gone = async (url: string) => {
      const r = await fetch(url);
      return { status: r.status, body: await r.text(), store: r.headers.get('cache-control') };
    };
    const unknown = await gone(`${stack.apiUrl}/r/rpt_${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.store).toContain('no-store');
    expect(unknown.body).not.toMatch(/expired|revoked|unknown/i);
    expect(await gone(`${stack.apiUrl}/r/not-a-token`)).toEqual(unknown);

    const expiring = await shareLink(a, reportA.id);
    expect((await fetch(expiring.url)).status).toBe(200);
    await stack.ds.query(
      `UPDATE report_links SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = $1`,
      [expiring.id],
    );
    expect(await gone(expiring.url)).toEqual(unknown);
    expect(await gone(`${expiring.url}/view`)).toEqual(unknown);

    const revoked = await shareLink(a, reportA.id);
    expect((await fetch(`${revoked.url}/view`)).status).toBe(200);
    const r = await stack.gql<{ revokeReportLink: { id: string; active: boolean; revokedAt: string | null } }>(
      a.users.admin,
      'mutation($x: ReportLinkRefInput!) { revokeReportLink(input: $x) { id active revokedAt } }',
      { x: { linkId: revoked.id } },
    );
    expect(r.data?.revokeReportLink).toMatchObject({ id: revoked.id, active: false });
    expect(r.data?.revokeReportLink.revokedAt).not.toBeNull();
    expect(await gone(revoked.url)).toEqual(unknown);
    expect(await gone(`${revoked.url}/view`)).toEqual(unknown);
    // The others still open.
    expect((await fetch(linkA.url)).status).toBe(200);
    const actions = (
      (await stack.ds.query(`SELECT action FROM audit_events WHERE subject_id = $1`, [reportA.id])) as {
        action: string;
      }[]
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['report.link_created', 'report.link_revoked', 'report.link_opened']),
    );
  }, 60_000);

  it('the monthly delivery: its Schedule runs the episode, which prints last month’s report and mails the PDF with a link', async () => {
    const recipients = ['owner@acme.example', 'marketing@acme.example'];
    const set = await stack.gql<{
      setReportSchedule: { enabled: boolean; dayOfMonth: number; nextRunAt: string | null };
    }>(
      a.users.approver,
      'mutation($i: SetReportScheduleInput!) { setReportSchedule(input: $i) { enabled dayOfMonth nextRunAt } }',
      { i: { clientId: a.clientId, enabled: true, recipients, dayOfMonth: 3 } },
    );
    expect(set.data?.setReportSchedule).toMatchObject({ enabled: true, dayOfMonth: 3 });
    expect(new Date(set.data!.setReportSchedule.nextRunAt!).getUTCDate()).toBe(3);
    const handle = temporal.client.schedule.getHandle(reportScheduleId(a.clientId));
    const described = await handle.describe();
    expect(described.spec.calendars?.[0]).toMatchObject({
      dayOfMonth: [{ start: 3, end: 3, step: 1 }],
      hour: [{ start: 8, end: 8, step: 1 }],
    });
    expect(described.spec.timezone).toBe('UTC');
    expect(described.action).toMatchObject({ workflowType: 'reportWorkflow', taskQueue: stack.taskQueue });

    await handle.trigger();
    const got = await mail.waitFor((m) => m.to.includes('owner@acme.example'), 90_000);
    expect(got.to.sort()).toEqual([...recipients].sort());
    expect(got.subject).toContain('your report for');
    expect(got.attachments).toHaveLength(1);
    expect(got.attachments[0]).toMatchObject({ contentType: 'application/pdf' });
    const attached = (await mail.attachment(got.id, 0)).content;
    expect(attached.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const link = new RegExp(`${stack.apiUrl}/r/rpt_[A-Za-z0-9_-]{43}`).exec(got.text)?.[0];
    expect(link).toBeDefined();
    const opened = await fetch(link!);
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer()).equals(attached)).toBe(true);

    // Last month's report, made by the Schedule, mailed once, and the trail says how many got it, never who.
    const [row] = (await stack.ds.query(
      `SELECT id, trigger, status, to_char(period_start, 'YYYY-MM-DD') AS start, emailed_at FROM reports
        WHERE client_id = $1 AND trigger = 'schedule'`,
      [a.clientId],
    )) as { id: string; trigger: string; status: string; start: string; emailed_at: Date | null }[];
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    expect(row).toMatchObject({ trigger: 'schedule', status: 'ready', start: lastMonth });
    expect(row.emailed_at).not.toBeNull();
    const [sent] = (await stack.ds.query(
      `SELECT data FROM audit_events WHERE subject_id = $1 AND action = 'report.emailed'`,
      [row.id],
    )) as { data: Record<string, unknown> }[];
    expect(sent.data).toMatchObject({ recipients: 2 });
    expect(JSON.stringify(sent.data)).not.toContain('@acme.example');

    // Switched off: the Schedule is paused, not lost.
    const off = await stack.gql(
      a.users.approver,
      'mutation($i: SetReportScheduleInput!) { setReportSchedule(input: $i) { enabled } }',
      {
        i: { clientId: a.clientId, enabled: false, recipients, dayOfMonth: 3 },
      },
    );
    expect(off.errors).toBeUndefined();
    expect((await handle.describe()).state.paused).toBe(true);
  }, 150_000);

  it('refuses a bad period or recipient with a reason, and an Analyst may read reports but not make them', async () => {
    const bad = async (i: Record<string, unknown>) =>
      (
        await stack.gql(a.users.approver, 'mutation($i: GenerateReportInput!) { generateReport(input: $i) { id } }', {
          i: { clientId: a.clientId, ...i },
        })
      ).errors?.[0];
    expect((await bad({ from: '2025-01-01', to: '2026-01-01' }))?.message).toContain('at most a year');
    expect(await bad({ from: '2026-02-10', to: '2026-02-01' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const recipient = await stack.gql(
      a.users.approver,
      'mutation($i: SetReportScheduleInput!) { setReportSchedule(input: $i) { enabled } }',
      {
        i: {
          clientId: a.clientId,
          enabled: true,
          recipients: ['boss@acme.example\r\nBcc: x@evil.example'],
          dayOfMonth: 1,
        },
      },
    );
    expect(recipient.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const list = await stack.gql<{ reports: { id: string }[] }>(
      a.users.analyst,
      'query($c: ID!) { reports(clientId: $c) { id } }',
      {
        c: a.clientId,
      },
    );
    expect(list.data?.reports.map((r) => r.id)).toContain(reportA.id);
    const make = await stack.gql(
      a.users.analyst,
      'mutation($i: GenerateReportInput!) { generateReport(input: $i) { id } }',
      {
        i: { clientId: a.clientId },
      },
    );
    expect(make.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('[C-10] report links have a per-address budget of their own: a burst of guesses is cut off with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 80 && !statuses.includes(429); i++)
      statuses.push((await fetch(`${stack.apiUrl}/r/rpt_${String(i).padStart(43, 'x')}`)).status);
    expect(statuses).toContain(429);
    const limited = await fetch(linkA.url);
    // Even a valid link waits: the budget is the address's, whatever it asks for.
    expect(limited.status).toBe(429);
    expect(limited.headers.get('cache-control')).toContain('no-store');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
