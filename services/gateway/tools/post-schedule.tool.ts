import { z } from 'zod';
import { schedulePublish, SchedulePublishError } from '../../core/publishing/schedule-publish';
import type { SchedulePublishErrorCode } from '../../core/publishing/schedule-publish';
import { isValidTimeZone } from '../../core/util/local-time';
import { realDataSource, tenantScopedDataSource } from '../../core/tenancy/tenant-scope';
import { ToolRefusal } from '../tool.types';
import { clientIdField, clientRow } from './tool-client';
import { defineTool } from './tool-definition';

const input = z.strictObject({
  clientId: clientIdField,
  assetId: z.uuid().describe('the draft to publish (post_draft answers its assetId)'),
  platformAccountId: z.uuid().describe("one of the client's connected accounts"),
  scheduledAt: z.iso.datetime({ offset: true }).describe('when to publish, ISO 8601 with offset'),
  timezone: z
    .string()
    .max(64)
    .refine(isValidTimeZone, 'an IANA timezone')
    .optional()
    .describe("the post's IANA timezone (default: the client's)"),
});

const REFUSAL_OF: Record<SchedulePublishErrorCode, ToolRefusal['code']> = {
  account_not_found: 'not_found',
  asset_not_found: 'not_found',
  account_not_connected: 'invalid_input',
  not_publishable: 'invalid_input',
  duplicate: 'invalid_input',
  scheduler_unavailable: 'unavailable',
};

/**
 * Schedules a draft through the one shared path (schedulePublish, as the API does) with the assistant's operator as the
 * actor: the publish episode starts and waits for a human's approval as always; no tool approves (C-21). Only an
 * operator's assistant schedules: an episode's step has no operator to answer for it.
 */
export const postScheduleTool = defineTool(
  {
    name: 'post_schedule',
    title: 'Schedule a post',
    description:
      "Schedules a draft (assetId) on one of the client's connected accounts at a time. The post then waits for a " +
      "human's approval in Raize before anything is published; this tool cannot approve it.",
    class: 'operate',
    takesClient: true,
  },
  input,
  async (ctx, q) => {
    const c = ctx.caller;
    if (c.kind !== 'assistant')
      throw new ToolRefusal('not_allowed', "only an operator's assistant schedules posts through the gateway");
    const { temporal, publishTaskQueue } = ctx.deps;
    if (!temporal || !publishTaskQueue)
      throw new ToolRefusal('unavailable', 'this gateway does not schedule posts (no scheduler configured)');
    const client = await clientRow(ctx);
    try {
      const scheduled = await schedulePublish(
        {
          // The call's own scope (the client's), so the job and its audit event are written under it.
          ds: tenantScopedDataSource(realDataSource(ctx.deps.ds)),
          temporal,
          audit: ctx.deps.audit,
          taskQueue: publishTaskQueue,
          options: ctx.deps.publishOptions ?? {},
        },
        {
          agencyId: client.agencyId,
          clientId: client.id,
          platformAccountId: q.platformAccountId,
          assetId: q.assetId,
          scheduledAt: new Date(q.scheduledAt),
          timezone: q.timezone ?? client.timezone,
          actorId: c.userId,
          source: 'assistant',
        },
      );
      return {
        result: {
          postId: scheduled.jobId,
          workflowId: scheduled.workflowId,
          assetChecksum: scheduled.assetChecksum,
          scheduledAt: new Date(q.scheduledAt).toISOString(),
          status: 'scheduled',
          needsHumanApproval: true,
        },
        summary: `Post ${scheduled.jobId} scheduled; it waits for a human's approval before it is published.`,
      };
    } catch (err) {
      if (err instanceof SchedulePublishError) throw new ToolRefusal(REFUSAL_OF[err.code], err.message);
      throw err;
    }
  },
);
