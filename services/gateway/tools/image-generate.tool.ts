import { z } from 'zod';
import { aiCallScope, stepFields } from './ai-call-scope';
import { aiOutput } from './ai-result';
import { clientIdField } from './tool-client';
import { defineTool } from './tool-definition';

/** A zod mirror of ImageRequest (services/core/providers/provider.types.ts), bounded. */
const input = z.strictObject({
  clientId: clientIdField,
  ...stepFields,
  prompt: z.string().min(1).max(10_000),
  model: z
    .string()
    .regex(/^[A-Za-z0-9._:/-]{1,100}$/)
    .optional(),
  width: z.number().int().min(64).max(4096),
  height: z.number().int().min(64).max(4096),
  brand: z
    .strictObject({
      name: z.string().max(200),
      // Renderers put colours into images and ffmpeg filter arguments, where nothing but a colour may go.
      colours: z.array(z.string().regex(/^#[0-9a-fA-F]{6}$/)).max(12),
      headline: z.string().max(200).optional(),
    })
    .optional()
    .describe('brand colours and words a renderer may draw'),
});

/** An image through the client's providers; the image itself goes to the artifact store, the result names it. */
export const imageGenerateTool = defineTool(
  {
    name: 'image_generate',
    title: 'Generate an image',
    description:
      "Generates an image with the client's configured AI provider, under the client's budget and the step's " +
      'limits. The image is stored in the artifact store; the result is its reference (key, type, size, checksum) ' +
      'with the provider, model and usage, or a wait with its code when the call cannot run now.',
    class: 'generate',
    takesClient: true,
  },
  input,
  async (ctx, { clientId: _client, stepId, depth, ...req }) =>
    aiOutput('image', await ctx.deps.providers.image(aiCallScope(ctx, { stepId, depth }), req)),
);
