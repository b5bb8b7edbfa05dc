import { z } from 'zod';

/**
 * Kie.ai's Veo 3 wire format, from the public reference:
 * https://docs.kie.ai/veo3-api/generate-veo-3-video, https://docs.kie.ai/veo3-api/get-veo-3-video-details and
 * https://docs.kie.ai/veo3-api/generate-veo-3-video-callbacks. Every answer is an envelope `{ code, msg, data }`
 * whose `code` (not always the HTTP status) says whether the call worked.
 */
export const kieEnvelope = z.object({
  code: z.number().int(),
  msg: z.string().nullish(),
  data: z.unknown().optional(),
});

export const kieGenerateData = z.object({ taskId: z.string().min(1).max(200) });

/** successFlag: 0 generating, 1 success, 2 failed, 3 generation failed (created, then failed upstream). */
export const kieRecordInfo = z.object({
  taskId: z.string().min(1),
  paramJson: z.string().nullish(),
  response: z
    .object({
      resultUrls: z.array(z.string()).nullish(),
      originUrls: z.array(z.string()).nullish(),
      resolution: z.string().nullish(),
    })
    .nullish(),
  successFlag: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  errorCode: z.union([z.number(), z.string()]).nullish(),
  errorMessage: z.string().nullish(),
  fallbackFlag: z.boolean().nullish(),
});
export type KieRecordInfo = z.infer<typeof kieRecordInfo>;

/** The callback Kie POSTs to `callBackUrl` when a task ends, success or failure. */
export const kieCallbackBody = z.object({
  code: z.number().int(),
  msg: z.string().nullish(),
  data: z.object({
    taskId: z.string().min(1).max(200),
    info: z
      .object({
        resultUrls: z.array(z.string()).nullish(),
        originUrls: z.array(z.string()).nullish(),
        resolution: z.string().nullish(),
      })
      .nullish(),
    fallbackFlag: z.boolean().nullish(),
  }),
});
export type KieCallbackBody = z.infer<typeof kieCallbackBody>;
