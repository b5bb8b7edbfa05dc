import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../../../core/audit/audit.service';
import { Client, ClientReviewer, PortalSession, ReviewLink, ReviewLinkCode } from '../../../../core/database/entities';
import type { MailPort } from '../../../../core/mail/mail.port';
import {
  PORTAL_SESSION_TOKEN,
  REVIEW_LINK_TOKEN,
  codeDigest,
  digestToken,
  newCsrfToken,
  newOneTimeCode,
  newPortalSessionToken,
  sameDigest,
} from '../../../../core/review/review-tokens';
import { clientScope } from '../../../../core/tenancy/scope-for';
import { EMPTY_SCOPE, runInTenantScope, type TenantScope } from '../../../../core/tenancy/tenant-scope';
import { AppError, AppErrorCode } from '../../../errors/app-error';
import { AUDIT, DATA_SOURCE, MAILER } from '../../../platform/tokens';
import { oneTimeCodeMail } from './portal-mail';

export const CODE_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;
const CODE_RESEND_SECONDS = 30;
const CODES_PER_HOUR = 5;
const SESSION_HOURS = 12;

/** One answer for every link that does not work (unknown, expired, revoked, reviewer disabled): no oracle. */
export const LINK_NOT_VALID = 'this review link does not work any more; ask the agency for a new one';

/** What a portal request may act on: one link of one reviewer of one client, and nothing else. */
export interface PortalContext {
  sessionId: string;
  linkId: string;
  agencyId: string;
  clientId: string;
  reviewerId: string;
  reviewerName: string;
  /** a batch link's posts; null: every post of the client that waits for the client */
  postIds: string[] | null;
  csrfToken: string;
  linkExpiresAt: Date;
  scope: TenantScope;
}

export type OpenResult =
  { kind: 'session'; token: string; csrfToken: string; expiresAt: Date } | { kind: 'code'; emailHint: string };

/**
 * The portal's door (issue #14): a review link's token is exchanged once for a session bound to that link (after a
 * one-time code by email when the link asks for one). Every later request is checked against the link again, so a
 * revocation or expiry stops an open page at its next click.
 */
@Injectable()
export class PortalAccessService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(MAILER) private readonly mailer: MailPort,
  ) {}

  async open(token: string): Promise<OpenResult> {
    return this.withLink(token, async (m, link, reviewer, client) => {
      if (!link.requiresCode) return this.startSession(m, link);
      await this.sendCode(m, link, reviewer, client);
      return { kind: 'code', emailHint: maskEmail(reviewer.email) };
    });
  }

  async verifyCode(token: string, code: string): Promise<OpenResult> {
    // A wrong code is counted and committed, then refused: a throw inside the transaction would undo the count.
    const r = await this.withLink(token, async (m, link): Promise<OpenResult | { kind: 'wrong' | 'spent' }> => {
      if (!link.requiresCode) return this.startSession(m, link);
      const latest = await m.findOne(ReviewLinkCode, {
        where: { linkId: link.id, clientId: link.clientId, consumedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        order: { createdAt: 'DESC' },
        select: { id: true, codeHash: true, attempts: true, linkId: true, clientId: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (!latest || latest.attempts >= CODE_MAX_ATTEMPTS) return { kind: 'spent' };
      const ok = /^\d{6}$/.test(code) && sameDigest(codeDigest(link.id, code), latest.codeHash);
      await m.update(
        ReviewLinkCode,
        { id: latest.id, clientId: link.clientId },
        ok ? { attempts: latest.attempts + 1, consumedAt: new Date() } : { attempts: latest.attempts + 1 },
      );
      if (ok) return this.startSession(m, link);
      await this.refusal(m, link, 'wrong code');
      return { kind: 'wrong' };
    });
    if (r.kind === 'spent')
      throw new AppError(
        AppErrorCode.Forbidden,
        'the code expired or was tried too often; open the link again for a new one',
      );
    if (r.kind === 'wrong')
      throw new AppError(AppErrorCode.Forbidden, 'that code is not right; check the latest mail and try again');
    return r as OpenResult;
  }

  /** The session behind a portal cookie, with its link checked again now; null when either no longer stands. */
  async resolve(sessionToken: string): Promise<PortalContext | null> {
    if (!PORTAL_SESSION_TOKEN.test(sessionToken)) return null;
    const owner = await runInTenantScope(this.ds, EMPTY_SCOPE, async () => {
      const rows: { session_id: string; client_id: string }[] = await this.ds.query(
        'SELECT session_id, client_id FROM raize_portal_session_owner($1)',
        [digestToken(sessionToken)],
      );
      return rows[0] ?? null;
    });
    if (!owner) return null;
    const scope = await clientScope(this.ds, owner.client_id);
    return runInTenantScope(this.ds, scope, async () => {
      const m = this.ds.manager;
      const now = new Date();
      const session = await m.findOne(PortalSession, { where: { id: owner.session_id, clientId: owner.client_id } });
      if (!session || session.revokedAt || session.expiresAt <= now) return null;
      const link = await m.findOne(ReviewLink, { where: { id: session.linkId, clientId: session.clientId } });
      const reviewer = link
        ? await m.findOne(ClientReviewer, { where: { id: link.reviewerId, clientId: link.clientId } })
        : null;
      if (!link || !reviewer || !linkStands(link, reviewer, now)) return null;
      // Seen at most once a minute: a page's polling does not write a row per request.
      if (now.getTime() - session.lastSeenAt.getTime() > 60_000)
        await m.update(PortalSession, { id: session.id, clientId: session.clientId }, { lastSeenAt: now });
      return {
        sessionId: session.id,
        linkId: link.id,
        agencyId: link.agencyId,
        clientId: link.clientId,
        reviewerId: reviewer.id,
        reviewerName: reviewer.name,
        postIds: link.postIds,
        csrfToken: session.csrfToken,
        linkExpiresAt: link.expiresAt,
        scope,
      };
    });
  }

  async signOut(ctx: PortalContext): Promise<void> {
    await runInTenantScope(this.ds, ctx.scope, () =>
      this.ds.manager.update(PortalSession, { id: ctx.sessionId, clientId: ctx.clientId }, { revokedAt: new Date() }),
    );
  }

  /** Finds the link behind a token and runs `fn` in its client's scope, in one transaction; refuses a dead link. */
  private async withLink<T>(
    token: string,
    fn: (m: EntityManager, link: ReviewLink, reviewer: ClientReviewer, client: Client) => Promise<T>,
  ): Promise<T> {
    const refused = new AppError(AppErrorCode.Forbidden, LINK_NOT_VALID);
    if (!REVIEW_LINK_TOKEN.test(token)) throw refused;
    const owner = await runInTenantScope(this.ds, EMPTY_SCOPE, async () => {
      const rows: { link_id: string; client_id: string }[] = await this.ds.query(
        'SELECT link_id, client_id FROM raize_review_link_owner($1)',
        [digestToken(token)],
      );
      return rows[0] ?? null;
    });
    if (!owner) throw refused;
    const scope = await clientScope(this.ds, owner.client_id);
    return runInTenantScope(this.ds, scope, async () => {
      // A refusal is audited in its own transaction: the one below rolls back when it throws.
      let why: string | null = null;
      try {
        return await this.ds.transaction(async (m) => {
          const link = await m.findOne(ReviewLink, {
            where: { id: owner.link_id, clientId: owner.client_id },
            lock: { mode: 'pessimistic_write' },
          });
          const reviewer = link
            ? await m.findOne(ClientReviewer, { where: { id: link.reviewerId, clientId: link.clientId } })
            : null;
          const client = link ? await m.findOne(Client, { where: { id: link.clientId } }) : null;
          if (!link || !reviewer || !client) throw refused;
          why = linkRefusal(link, reviewer, new Date());
          if (why) throw refused;
          return fn(m, link, reviewer, client);
        });
      } catch (err) {
        if (why)
          await this.ds.transaction(async (m) => {
            const link = await m.findOneOrFail(ReviewLink, { where: { id: owner.link_id, clientId: owner.client_id } });
            await this.refusal(m, link, why!);
          });
        throw err;
      }
    });
  }

  private async startSession(m: EntityManager, link: ReviewLink): Promise<OpenResult> {
    const issued = newPortalSessionToken();
    const now = new Date();
    const expiresAt = new Date(Math.min(link.expiresAt.getTime(), now.getTime() + SESSION_HOURS * 3_600_000));
    const csrfToken = newCsrfToken();
    const session = await m.save(
      PortalSession,
      m.create(PortalSession, {
        agencyId: link.agencyId,
        clientId: link.clientId,
        linkId: link.id,
        tokenHash: issued.hash,
        csrfToken,
        expiresAt,
        lastSeenAt: now,
      }),
    );
    await m.update(ReviewLink, { id: link.id, clientId: link.clientId }, { lastUsedAt: now });
    await this.audit.append(
      {
        agencyId: link.agencyId,
        clientId: link.clientId,
        actor: `reviewer:${link.reviewerId}`,
        action: 'review_link.opened',
        subjectType: 'review_link',
        subjectId: link.id,
        data: { sessionId: session.id, withCode: link.requiresCode },
      },
      m,
    );
    return { kind: 'session', token: issued.token, csrfToken, expiresAt };
  }

  private async sendCode(m: EntityManager, link: ReviewLink, reviewer: ClientReviewer, client: Client): Promise<void> {
    const recent = await m.find(ReviewLinkCode, {
      where: { linkId: link.id, clientId: link.clientId, createdAt: MoreThan(new Date(Date.now() - 3_600_000)) },
      order: { createdAt: 'DESC' },
    });
    if (recent[0] && Date.now() - recent[0].createdAt.getTime() < CODE_RESEND_SECONDS * 1000) return; // the code sent a moment ago still works: a reload does not mail another
    if (recent.length >= CODES_PER_HOUR)
      throw new AppError(AppErrorCode.RateLimited, 'too many codes were sent for this link; try again in an hour');
    const code = newOneTimeCode();
    await m.save(
      ReviewLinkCode,
      m.create(ReviewLinkCode, {
        agencyId: link.agencyId,
        clientId: link.clientId,
        linkId: link.id,
        codeHash: codeDigest(link.id, code),
        attempts: 0,
        expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000),
      }),
    );
    await this.mailer
      .send(
        oneTimeCodeMail({
          to: reviewer.email,
          reviewer: reviewer.name,
          client: client.name,
          code,
          minutes: CODE_MINUTES,
        }),
      )
      .catch(() => {
        throw new AppError(AppErrorCode.Unavailable, 'the code could not be sent just now; try again in a minute');
      });
    await this.audit.append(
      {
        agencyId: link.agencyId,
        clientId: link.clientId,
        actor: `reviewer:${link.reviewerId}`,
        action: 'review_link.code_sent',
        subjectType: 'review_link',
        subjectId: link.id,
      },
      m,
    );
  }

  private refusal(m: EntityManager, link: ReviewLink, reason: string): Promise<unknown> {
    return this.audit.append(
      {
        agencyId: link.agencyId,
        clientId: link.clientId,
        actor: `reviewer:${link.reviewerId}`,
        action: 'review_link.refused',
        subjectType: 'review_link',
        subjectId: link.id,
        data: { reason },
      },
      m,
    );
  }
}

function linkRefusal(link: ReviewLink, reviewer: ClientReviewer, now: Date): string | null {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt <= now) return 'expired';
  if (reviewer.disabledAt) return 'reviewer disabled';
  return null;
}

const linkStands = (link: ReviewLink, reviewer: ClientReviewer, now: Date) => linkRefusal(link, reviewer, now) === null;

/** j•••@example.com: enough for the reviewer to know where to look, not an address to harvest. */
function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain ?? ''}`;
}
