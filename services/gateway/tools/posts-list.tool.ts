import { z } from 'zod';
import { approvalQueuePage, calendarPage, decodeCursor, encodeCursor } from '../../core/scheduling/calendar.repository';
import type { CalendarCursor, Page } from '../../core/scheduling/calendar.repository';
import { calendarRange } from '../../core/scheduling/calendar-range';
import { addDays, localDateOf } from '../../core/scheduling/zoned-time';
import { ToolRefusal } from '../tool.types';
import { listedPostsOut } from './listed-posts';
import { clientIdField, clientRow, dayText, UNTRUSTED_TEXT_NOTE } from './tool-client';
import { defineTool } from './tool-definition';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Without a range: a month back and two ahead, what an operator asking "what is planned" means. */
const DEFAULT_BACK_DAYS = 30;
const DEFAULT_AHEAD_DAYS = 60;

const input = z.strictObject({
  clientId: clientIdField,
  from: z.string().regex(DAY).optional().describe('first day, YYYY-MM-DD in the client timezone'),
  to: z.string().regex(DAY).optional().describe('day after the last, YYYY-MM-DD (exclusive)'),
  awaitingApproval: z.boolean().optional().describe('only posts waiting for an approval, soonest first'),
  first: z.number().int().min(1).max(50).optional().describe('posts per page (default 20)'),
  after: z.string().max(200).optional().describe('the nextCursor of the previous page'),
});

/** The client's posts by scheduled time, a page at a time (calendar.repository's index range scan). */
export const postsListTool = defineTool(
  {
    name: 'posts_list',
    title: 'List posts',
    description:
      "Lists the client's scheduled and published posts in a date range (default: 30 days back to 60 ahead), or " +
      'only those waiting for approval, with status, time, account, approvals and a text excerpt. Page with ' +
      'nextCursor.',
    class: 'read',
    takesClient: true,
  },
  input,
  async (ctx, q) => {
    const client = await clientRow(ctx);
    const first = q.first ?? 20;
    const after = cursor(q.after);
    let page: Page;
    if (q.awaitingApproval) page = await approvalQueuePage(ctx.m, { clientId: client.id, first, after });
    else {
      const today = localDateOf(ctx.deps.now?.() ?? new Date(), client.timezone);
      const range = calendarRange(
        q.from ?? dayText(addDays(today, -DEFAULT_BACK_DAYS)),
        q.to ?? dayText(addDays(today, DEFAULT_AHEAD_DAYS)),
        client.timezone,
      );
      if ('error' in range) throw new ToolRefusal('invalid_input', range.error);
      page = await calendarPage(ctx.m, { clientId: client.id, first, after, ...range });
    }
    const last = page.posts[page.posts.length - 1];
    return {
      result: {
        note: UNTRUSTED_TEXT_NOTE,
        timezone: client.timezone,
        posts: await listedPostsOut(ctx.m, client.id, page.posts),
        nextCursor: page.hasNextPage && last ? encodeCursor({ at: last.scheduledAt, id: last.id }) : null,
      },
      summary: `${page.posts.length} post(s)${page.hasNextPage ? '; more with nextCursor' : ''}.`,
    };
  },
);

function cursor(after: string | undefined): CalendarCursor | null {
  if (!after) return null;
  const c = decodeCursor(after);
  if (!c) throw new ToolRefusal('invalid_input', 'after is not a cursor this tool gave out');
  return c;
}
