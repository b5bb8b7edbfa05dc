import { z } from 'zod';
import type { AiCallScope } from '../../core/providers/provider-gateway.port';
import type { ToolContext } from '../tool.types';
import { clientOf } from './tool-client';

/** The step fields every generation tool takes: usage and the step's contract are summed per step. */
export const stepFields = {
  stepId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9:._/-]+$/)
    .describe('the step this call belongs to (e.g. `plan:<id>/brief:<n>`); usage and limits add up per step'),
  depth: z.number().int().min(0).max(20).optional().describe('nesting depth inside the step (default 0)'),
};

/**
 * The provider gateway's scope of a call: the agency and client the gateway checked, and the step kind from who calls.
 * An activity's agent role is its step kind; an assistant's steps are its own kind, and its step ids are prefixed with
 * its token so they can never add to (or exhaust) the contract of an episode's step.
 */
export function aiCallScope(ctx: ToolContext, step: { stepId: string; depth?: number }): AiCallScope {
  const { agencyId, clientId } = clientOf(ctx);
  const c = ctx.caller;
  return {
    agencyId,
    clientId,
    stepId: c.kind === 'activity' ? step.stepId : `assistant:${c.tokenId}:${step.stepId}`.slice(0, 200),
    stepKind: c.kind === 'activity' ? c.role : 'assistant',
    depth: step.depth ?? 0,
  };
}
