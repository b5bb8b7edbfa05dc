import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PublishJob } from '../../../core/database/entities';
import { contentAuthorsOfEach } from '../../../core/repositories/content-authors.repository';
import {
  approvalQueuePage,
  approvalsOfEach,
  calendarPage,
  decodeCursor,
  type CalendarCursor,
  type ListedPost,
} from '../../../core/scheduling/calendar.repository';
import { calendarRange } from '../../../core/scheduling/calendar-range';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { DATA_SOURCE } from '../../platform/tokens';
import type { PostCalendarArgs, PostPageArgs } from './dtos/post-page.args';
import type { PostModel } from './post.model';
import { toPostModel } from './post-model.mapper';

/**
 * The calendar and the approvals queue at agency volume: a page of posts from an index range with its authors and
 * approvals in one query (calendar.repository.ts) after the access check, whatever the page size. The live
 * workflow status is not asked per post here (a query per post to Temporal): `post(id)` has it.
 *
 * A page is a plain list whose posts each carry their `cursor`: the next page is `after: <last post's cursor>`, and
 * a page shorter than `first` is the last. A connection object around the list would put every post field one
 * level deeper, and the API's query cost limit (services/api/security/query-limits.ts) multiplies per level.
 */
@Injectable()
export class PostsCalendarService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly access: AccessService,
  ) {}

  /** `authorsAndApprovals` false: the answer shows neither, and both lists come back empty. */
  async calendar(actor: Actor, args: PostCalendarArgs, authorsAndApprovals = true): Promise<PostModel[]> {
    const { client } = await this.access.requireClient(actor, args.clientId, 'client.read');
    const range = calendarRange(args.from, args.to, client.timezone);
    if ('error' in range) throw new AppError(AppErrorCode.BadInput, range.error);
    const page = await calendarPage(this.ds.manager, {
      clientId: client.id,
      from: range.from,
      to: range.to,
      first: args.first,
      after: this.cursor(args.after),
      authorsAndApprovals,
    });
    return page.posts.map((p) => this.model(p));
  }

  async approvalQueue(actor: Actor, args: PostPageArgs, authorsAndApprovals = true): Promise<PostModel[]> {
    const { client } = await this.access.requireClient(actor, args.clientId, 'client.read');
    const page = await approvalQueuePage(this.ds.manager, {
      clientId: client.id,
      first: args.first,
      after: this.cursor(args.after),
      authorsAndApprovals,
    });
    return page.posts.map((p) => this.model(p));
  }

  private model(p: ListedPost): PostModel {
    return toPostModel(p, { workflowStatus: null, authorIds: p.authorIds, approvals: p.approvals });
  }

  /** Whole entities as the API shows them (the deprecated `posts` list), authors and approvals read at once. */
  async models(jobs: PublishJob[]): Promise<PostModel[]> {
    // In turn: the request's scope is one connection.
    const authors = await contentAuthorsOfEach(this.ds.manager, jobs);
    const approvals = await approvalsOfEach(this.ds.manager, jobs);
    return jobs.map((job, i) =>
      toPostModel(job, { workflowStatus: null, authorIds: authors[i], approvals: approvals.get(job.id) ?? [] }),
    );
  }

  private cursor(after: string | undefined): CalendarCursor | null {
    if (after === undefined || after === null) return null;
    const c = decodeCursor(after);
    if (!c) throw new AppError(AppErrorCode.BadInput, 'after is not a cursor this API gave out');
    return c;
  }
}
