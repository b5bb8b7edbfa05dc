import { z } from 'zod';

/** https://platform.openai.com/docs/api-reference/images/object : `{ created, data: [{ b64_json }], usage? }` */
export const imagesResponseSchema = z.object({
  data: z.array(z.object({ b64_json: z.string().min(1) }).passthrough()).min(1),
  usage: z
    .object({ input_tokens: z.number().int().nonnegative(), output_tokens: z.number().int().nonnegative() })
    .passthrough()
    .optional(),
});
