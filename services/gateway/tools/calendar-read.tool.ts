import { z } from 'zod';
import { calendarPage } from '../../core/scheduling/calendar.repository';
import type { ListedPost } from '../../core/scheduling/calendar.repository';
import { calendarRange } from '../../core/scheduling/calendar-range';
import { localDateOf } from '../../core/scheduling/zoned-time';
import { ToolRefusal } from '../tool.types';
import { listedPostsOut } from './listed-posts';
import { clientIdField, clientRow, dayText, UNTRUSTED_TEXT_NOTE } from './tool-client';
import { defineTool } from './tool-definition';

/** A month of one client is a few dozen posts; past this many the answer says it is cut rather than growing. */
const MAX_POSTS = 300;
const PAGE = 100;

const input = z.strictObject({
  clientId: clientIdField,
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .describe('the month, YYYY-MM, in the client timezone'),
});

/** A month of the client's calendar, day by day in the client's timezone (what the API's calendar query reads). */
export const calendarReadTool = defineTool(
  {
    name: 'calendar_read',
    title: 'Read the calendar',
    description:
      "Returns one month of the client's content calendar, grouped by day in the client's timezone: each post's " +
      'time, status, account, approvals and a text excerpt.',
    class: 'read',
    takesClient: true,
  },
  input,
  async (ctx, q) => {
    const client = await clientRow(ctx);
    const [year, month] = q.month.split('-').map(Number);
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const range = calendarRange(`${q.month}-01`, next, client.timezone);
    if ('error' in range) throw new ToolRefusal('invalid_input', range.error);

    const posts: ListedPost[] = [];
    let truncated = false;
    for (;;) {
      const last = posts[posts.length - 1];
      const page = await calendarPage(ctx.m, {
        clientId: client.id,
        first: Math.min(PAGE, MAX_POSTS - posts.length),
        after: last ? { at: last.scheduledAt, id: last.id } : null,
        ...range,
      });
      posts.push(...page.posts);
      if (!page.hasNextPage) break;
      if (posts.length >= MAX_POSTS) {
        truncated = true;
        break;
      }
    }
    const out = await listedPostsOut(ctx.m, client.id, posts);
    const days = new Map<string, typeof out>();
    posts.forEach((p, i) => {
      const day = dayText(localDateOf(p.scheduledAt, client.timezone));
      days.set(day, [...(days.get(day) ?? []), out[i]]);
    });
    return {
      result: {
        note: UNTRUSTED_TEXT_NOTE,
        month: q.month,
        timezone: client.timezone,
        days: [...days].map(([date, list]) => ({ date, posts: list })),
        truncated,
      },
      summary: `${posts.length} post(s) on ${days.size} day(s) in ${q.month}${truncated ? ' (cut; use posts_list to page)' : ''}.`,
    };
  },
);
