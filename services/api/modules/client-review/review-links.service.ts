import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import type { AppConfig } from '../../../core/config/app-config';
import { ClientReviewer, PublishJob, ReviewLink } from '../../../core/database/entities';
import type { MailPort } from '../../../core/mail/mail.port';
import { MailError } from '../../../core/mail/mail.errors';
import { newReviewLinkToken } from '../../../core/review/review-tokens';
import { logger } from '../../../core/telemetry/logger';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { APP_CONFIG, AUDIT, DATA_SOURCE, MAILER } from '../../platform/tokens';
import type { ClientReviewerModel, CreatedReviewLinkModel, ReviewLinkModel } from './client-review.models';
import type {
  AddClientReviewerInput,
  ClientReviewerRefInput,
  CreateReviewLinkInput,
  ReviewLinkRefInput,
} from './dtos/client-review.inputs';
import { reviewLinkMail } from './portal/portal-mail';

const DEFAULT_LINK_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The operator's side of the client portal (issue #14): the client's reviewers and the review links they get. A
 * link's token exists once, in the answer that made it (and the mail, when sent): the table keeps its hash.
 */
@Injectable()
export class ReviewLinksService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(MAILER) private readonly mailer: MailPort,
    private readonly access: AccessService,
  ) {}

  async reviewers(actor: Actor, clientId: string): Promise<ClientReviewerModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    return this.ds.getRepository(ClientReviewer).find({ where: { clientId }, order: { name: 'ASC' } });
  }

  async addReviewer(actor: Actor, input: AddClientReviewerInput): Promise<ClientReviewerModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'review_link.manage');
    const email = input.email.trim();
    return this.ds.transaction(async (m) => {
      const taken = await m
        .getRepository(ClientReviewer)
        .createQueryBuilder('r')
        .where('r.client_id = :c AND lower(r.email) = lower(:e)', { c: client.id, e: email })
        .getOne();
      if (taken) throw new AppError(AppErrorCode.Conflict, 'this client already has a reviewer with that email');
      const reviewer = await m.save(
        ClientReviewer,
        m.create(ClientReviewer, {
          agencyId: client.agencyId,
          clientId: client.id,
          name: input.name.trim(),
          email,
          createdBy: actor.userId,
        }),
      );
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'client_reviewer.added',
          subjectType: 'client_reviewer',
          subjectId: reviewer.id,
        },
        m,
      );
      return reviewer;
    });
  }

  /** Disables a reviewer: their links stop at once and approvals they gave stop counting for what is not out yet. */
  async disableReviewer(actor: Actor, input: ClientReviewerRefInput): Promise<ClientReviewerModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'review_link.manage');
    return this.ds.transaction(async (m) => {
      const reviewer = await m.findOne(ClientReviewer, { where: { id: input.reviewerId, clientId: client.id } });
      if (!reviewer) throw notFound('reviewer');
      if (!reviewer.disabledAt) {
        reviewer.disabledAt = new Date();
        await m.save(ClientReviewer, reviewer);
        await m.update(
          ReviewLink,
          { reviewerId: reviewer.id, clientId: client.id, revokedAt: IsNull() },
          { revokedAt: new Date(), revokedBy: actor.userId },
        );
        await this.audit.append(
          {
            agencyId: client.agencyId,
            clientId: client.id,
            actor: `user:${actor.userId}`,
            action: 'client_reviewer.disabled',
            subjectType: 'client_reviewer',
            subjectId: reviewer.id,
          },
          m,
        );
      }
      return reviewer;
    });
  }

  async links(actor: Actor, clientId: string): Promise<ReviewLinkModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    const links = await this.ds
      .getRepository(ReviewLink)
      .find({ where: { clientId }, order: { createdAt: 'DESC' }, take: 200 });
    const reviewers = await this.ds.getRepository(ClientReviewer).find({ where: { clientId } });
    const names = new Map(reviewers.map((r) => [r.id, r.name]));
    return links.map((l) => toLinkModel(l, names.get(l.reviewerId) ?? ''));
  }

  async create(actor: Actor, input: CreateReviewLinkInput): Promise<CreatedReviewLinkModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'review_link.manage');
    const issued = newReviewLinkToken();
    const { link, reviewer } = await this.ds.transaction(async (m) => {
      const reviewer = await m.findOne(ClientReviewer, {
        where: { id: input.reviewerId, clientId: client.id, disabledAt: IsNull() },
      });
      if (!reviewer) throw notFound('reviewer');
      const postIds = input.postIds ? [...new Set(input.postIds)] : null;
      if (postIds) {
        // A batch names posts of this client only: another client's id is as good as missing (C-02).
        const found = await m.count(PublishJob, {
          where: postIds.map((id) => ({ id, clientId: client.id })),
        });
        if (found !== postIds.length) throw notFound('post');
      }
      const link = await m.save(
        ReviewLink,
        m.create(ReviewLink, {
          agencyId: client.agencyId,
          clientId: client.id,
          reviewerId: reviewer.id,
          tokenHash: issued.hash,
          postIds,
          requiresCode: input.requireCode ?? false,
          expiresAt: new Date(Date.now() + (input.expiresInDays ?? DEFAULT_LINK_DAYS) * DAY_MS),
          createdBy: actor.userId,
        }),
      );
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'review_link.created',
          subjectType: 'review_link',
          subjectId: link.id,
          data: {
            reviewerId: reviewer.id,
            posts: postIds?.length ?? null,
            requiresCode: link.requiresCode,
            expiresAt: link.expiresAt.toISOString(),
          },
        },
        m,
      );
      return { link, reviewer };
    });
    // The token rides in the fragment: browsers never send it to a server, so it stays out of access logs,
    // proxies and Referer headers; the portal page posts it once and swaps it for a session cookie.
    const url = `${this.config.api.publicUrl}/portal/#${issued.token}`;
    let emailed = false;
    if (input.sendEmail) {
      try {
        await this.mailer.send(
          reviewLinkMail({
            to: reviewer.email,
            reviewer: reviewer.name,
            client: client.name,
            url,
            expiresAt: link.expiresAt,
          }),
        );
        emailed = true;
      } catch (err) {
        // The link stands (it is shown here); the operator is told the mail did not go out and can send it by hand.
        logger.warn(
          { 'raize.operation': 'review_link.mail', 'error.kind': err instanceof MailError ? err.failure : 'unknown' },
          'review link mail not sent',
        );
      }
    }
    return { link: toLinkModel(link, reviewer.name), url, emailed };
  }

  async revoke(actor: Actor, input: ReviewLinkRefInput): Promise<ReviewLinkModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'review_link.manage');
    return this.ds.transaction(async (m) => {
      const link = await m.findOne(ReviewLink, { where: { id: input.linkId, clientId: client.id } });
      if (!link) throw notFound('review link');
      if (!link.revokedAt) {
        link.revokedAt = new Date();
        link.revokedBy = actor.userId;
        await m.save(ReviewLink, link);
        await this.audit.append(
          {
            agencyId: client.agencyId,
            clientId: client.id,
            actor: `user:${actor.userId}`,
            action: 'review_link.revoked',
            subjectType: 'review_link',
            subjectId: link.id,
          },
          m,
        );
      }
      const reviewer = await m.findOne(ClientReviewer, { where: { id: link.reviewerId, clientId: client.id } });
      return toLinkModel(link, reviewer?.name ?? '');
    });
  }
}

export function toLinkModel(l: ReviewLink, reviewerName: string): ReviewLinkModel {
  return {
    id: l.id,
    clientId: l.clientId,
    reviewerId: l.reviewerId,
    reviewerName,
    postIds: l.postIds,
    requiresCode: l.requiresCode,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt,
    lastUsedAt: l.lastUsedAt,
    createdAt: l.createdAt,
    status: l.revokedAt ? 'revoked' : l.expiresAt.getTime() <= Date.now() ? 'expired' : 'active',
  };
}
