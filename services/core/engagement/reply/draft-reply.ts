import type { PolicyEngine } from '../../policy/policy-engine';
import type { AiCallScope, ProviderGateway } from '../../providers/provider-gateway.port';
import type { TextRequest } from '../../providers/provider.types';
import { buildUntrustedPrompt } from '../router/untrusted-prompt';
import { ANSWER_JSON_SCHEMA, ANSWER_SCHEMA_NAME, MAX_ANSWER_CHARS, parseAnswer } from './answer.schema';
import { answerProblems } from './answer-screen';
import { checkReply } from './check-reply';
import { brandSlots, composeReply, templateAnswer, templateFor, type ReplyTemplate } from './reply-templates';
import { replySettingsSchema, type DraftInput, type DraftResult, type TemplateSlots } from './reply.types';
import { recentMessages, summariseThread } from './thread-summary';

export interface DrafterDeps {
  /** the reply constraints are asked through the one policy engine (C-29) */
  policy: PolicyEngine;
  gateway?: ProviderGateway;
  /** the AI call's scope (stepKind `drafter`); required with a gateway */
  scope?: AiCallScope;
}

const listOf = (words: readonly string[] | undefined) =>
  (words ?? [])
    .map((w) => w.replace(/[\p{C}]+/gu, ' ').trim())
    .filter(Boolean)
    .slice(0, 30)
    .join(', ') || 'none';

/** The drafter's request: the brand's rules as instructions, the thread and the message as data blocks only. */
export function answerRequest(input: DraftInput, template: ReplyTemplate): TextRequest {
  const brand = input.brand;
  const thread = input.thread ?? { summary: '', recent: [] };
  const recent = recentMessages(thread.recent);
  const built = buildUntrustedPrompt({
    instructions: [
      'You write the middle sentence of a brand’s public reply to one message; a greeting and a sign-off are added around it.',
      `Brand voice: ${listOf(brand.voice ? [brand.voice] : [])}. Words the brand likes: ${listOf(brand.doWords)}. Words it never uses: ${listOf([...(brand.dontWords ?? []), ...(brand.bannedTerms ?? [])])}.`,
      `At most ${MAX_ANSWER_CHARS} characters, one paragraph, no links, no @mentions or hashtags, no personal data, no prices, promises or claims, and do not quote the message.`,
      `Answer with one JSON object matching this JSON Schema and nothing else: ${JSON.stringify(ANSWER_JSON_SCHEMA)}`,
    ],
    header: [
      `Template: ${template.id}`,
      `Intent: ${input.decision.intent}`,
      `Platform: ${/^[a-z0-9_-]{1,40}$/.test(input.message.platform) ? input.message.platform : 'unknown'}`,
      'Write the answer to the message in the inbound block; the summary and recent blocks are the thread so far.',
    ],
    blocks: [
      { label: 'thread_summary', text: summariseThread(thread.summary, []) },
      { label: 'recent_messages', text: summariseThread('', recent) },
      { label: 'inbound', text: input.message.text },
    ],
  });
  return {
    ...built,
    maxOutputTokens: 150,
    temperature: 0.3,
    responseSchema: { name: ANSWER_SCHEMA_NAME, schema: ANSWER_JSON_SCHEMA },
  };
}

/**
 * Drafts a reply under an enforced template (C-29): greeting and sign-off from the brand kit, the answer slot from
 * the template or, where the client configured a drafter and the message is neither sensitive nor instruction-like,
 * from the model, screened; a model answer that fails the screen or the constraints gives way to the template's.
 * The returned checks are the constraints' verdict on the final text: `allow` false means it must not be sent.
 */
export async function draftReply(input: DraftInput, deps: DrafterDeps): Promise<DraftResult> {
  const settings = replySettingsSchema.parse(input.settings ?? {});
  const template = templateFor(input.decision.intent, input.decision.sensitive);
  const fixed = brandSlots(input.brand);
  const fallback: TemplateSlots = { ...fixed, answer: templateAnswer(template, input.brand, input.seed) };
  const kind = input.message.kind === 'dm' ? 'dm' : 'reply';
  const check = (slots: TemplateSlots) =>
    checkReply(deps.policy, {
      text: composeReply(slots),
      platform: input.message.platform,
      kind,
      origin: 'auto',
      template: { id: template.id, slots },
      brand: input.brand,
      linkAllowlist: settings.linkAllowlist,
      maxChars: settings.maxChars,
    });
  const result = (slots: TemplateSlots, source: DraftResult['answerSource'], notes: string[]): DraftResult => ({
    text: composeReply(slots),
    template: template.id,
    slots,
    answerSource: source,
    checks: check(slots),
    notes,
  });

  const notes: string[] = [];
  const modelAllowed = settings.drafter === 'llm' && template.modelMayAnswer;
  if (modelAllowed && input.decision.flags.includes('injection'))
    notes.push('the message reads like instructions to a model: the template answers');
  else if (modelAllowed && (!deps.gateway || !deps.scope))
    notes.push('the drafter is not reachable here: the template answers');
  else if (modelAllowed && deps.gateway && deps.scope) {
    const answer = await modelAnswer(deps.gateway, deps.scope, input, template);
    if (!answer.ok) notes.push(answer.why);
    else {
      const problems = answerProblems(answer.text, input.message.text, input.brand);
      const slots: TemplateSlots = { ...fixed, answer: answer.text };
      if (problems.length) notes.push(`the model's answer was not used (${problems.join(', ')})`);
      else {
        const drafted = result(slots, 'llm', notes);
        if (drafted.checks.allow) return drafted;
        notes.push(
          `the model's answer failed the reply check (${drafted.checks.reasons.map((r) => r.code).join(', ')})`,
        );
      }
    }
  }
  return result(fallback, 'template', notes);
}

async function modelAnswer(
  gateway: ProviderGateway,
  scope: AiCallScope,
  input: DraftInput,
  template: ReplyTemplate,
): Promise<{ ok: true; text: string } | { ok: false; why: string }> {
  try {
    const r = await gateway.text(scope, answerRequest(input, template));
    if (!r.ok) return { ok: false, why: `the drafter was unavailable (${r.wait.code}): the template answers` };
    const answer = parseAnswer(r.text);
    if (answer === null) return { ok: false, why: 'the drafter’s answer was not valid: the template answers' };
    return { ok: true, text: answer.replace(/\s+/g, ' ').trim() };
  } catch {
    return { ok: false, why: 'the drafter failed: the template answers' };
  }
}
