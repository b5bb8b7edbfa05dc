import { z } from 'zod';
import { callerActor } from '../../core/gateway/caller';
import { AssetMediaError, createAsset } from '../../core/repositories/create-asset';
import { ToolRefusal } from '../tool.types';
import { clientIdField, clientOf, iso } from './tool-client';
import { defineTool } from './tool-definition';

const input = z.strictObject({
  clientId: clientIdField,
  text: z.string().trim().min(1).max(5000).describe('the post text'),
  mediaKey: z
    .string()
    .max(200)
    .regex(/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/(image|video)\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/)
    .optional()
    .describe("an image or video of this client's artifact store (e.g. from image_generate)"),
});

/**
 * A draft in Raize, never on a platform: an asset of the client, written the way the API writes one and audited with
 * the caller as actor. An assistant's operator is its author, so they cannot be the second pair of eyes on it (C-21);
 * the text was written by a model either way (author kind `ai`).
 */
export const postDraftTool = defineTool(
  {
    name: 'post_draft',
    title: 'Draft a post',
    description:
      "Saves a draft post (text, optionally with an image or video from the client's artifact store) for the " +
      'client in Raize. Nothing is published or scheduled: a human reviews the draft, and scheduling it is a ' +
      'separate step that still waits for human approval.',
    class: 'draft',
    takesClient: true,
  },
  input,
  async (ctx, q) => {
    const { agencyId, clientId } = clientOf(ctx);
    const c = ctx.caller;
    try {
      const asset = await ctx.m.transaction((m) =>
        createAsset(m, ctx.deps.audit, {
          agencyId,
          clientId,
          text: q.text,
          mediaKey: q.mediaKey ?? null,
          authorId: c.kind === 'assistant' ? c.userId : null,
          authorKind: 'ai',
          actor: callerActor(c),
          auditData: { source: 'gateway', tool: 'post_draft' },
        }),
      );
      return {
        result: {
          assetId: asset.id,
          kind: asset.kind,
          checksum: asset.checksum,
          mediaKey: asset.mediaKey,
          createdAt: iso(asset.createdAt),
        },
        summary: `Draft saved as asset ${asset.id} (${asset.kind}); nothing was published or scheduled.`,
      };
    } catch (err) {
      if (err instanceof AssetMediaError) throw new ToolRefusal('invalid_input', err.message);
      throw err;
    }
  },
);
