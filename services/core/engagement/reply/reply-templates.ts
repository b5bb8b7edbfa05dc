import { createHash } from 'node:crypto';
import type { Intent } from '../../../../workflows/contracts/vocabulary/engagement';
import type { EngagementBrandContext } from '../router/router.types';
import type { TemplateSlots } from './reply.types';

/**
 * The enforced reply templates: greeting, answer and sign-off, joined one way. Greeting and sign-off follow the brand
 * kit's voice and name; the answer slot holds one of the template's own answers, or a model's (checked) answer where
 * the client configured a drafter. A reply that is not exactly a template's composition is not an automatic reply.
 */
export interface ReplyTemplate {
  id: string;
  /** the answers the slot takes when no model fills it */
  answers: readonly string[];
  /** whether a model may fill the answer slot (never for sensitive or unclear messages) */
  modelMayAnswer: boolean;
}

export const REPLY_TEMPLATES: Readonly<Record<'question' | 'praise' | 'complaint' | 'holding', ReplyTemplate>> = {
  question: {
    id: 'question.v1',
    modelMayAnswer: true,
    answers: [
      'Thanks for your question! Our team will follow up with the details shortly.',
      'Good question. We will get back to you with the details very soon.',
    ],
  },
  praise: {
    id: 'praise.v1',
    modelMayAnswer: true,
    answers: [
      'Thank you so much for the kind words, it means a lot to us.',
      'We are so glad you enjoyed it. Thank you for sharing!',
    ],
  },
  complaint: {
    id: 'complaint.v1',
    modelMayAnswer: true,
    answers: [
      'We are really sorry to hear this. Please send us a direct message so we can put it right.',
      'Sorry about this experience. We would like to help: please send us a direct message with the details.',
    ],
  },
  holding: {
    id: 'holding.v1',
    modelMayAnswer: false,
    answers: ['Thanks for reaching out. A member of our team will get back to you personally.'],
  },
};

export function templateFor(intent: Intent, sensitive: boolean): ReplyTemplate {
  if (sensitive) return REPLY_TEMPLATES.holding;
  if (intent === 'question' || intent === 'praise' || intent === 'complaint') return REPLY_TEMPLATES[intent];
  return REPLY_TEMPLATES.holding;
}

export function templateById(id: string): ReplyTemplate | undefined {
  return Object.values(REPLY_TEMPLATES).find((t) => t.id === id);
}

/** A brand name fit for a sign-off: one line, printable, bounded. */
function cleanName(name: string | undefined): string {
  const n = (name ?? '')
    .replace(/[\p{C}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return n || 'The team';
}

function pickBy<T>(seed: string, items: readonly T[]): T {
  const n = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return items[n % items.length];
}

const wordsOf = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** The slots the brand kit fills: greeting by voice, sign-off by name. */
export function brandSlots(brand: EngagementBrandContext): Pick<TemplateSlots, 'greeting' | 'signOff'> {
  const voice = (brand.voice ?? '').toLowerCase();
  const greeting = /playful|fun|casual|friendly/.test(voice)
    ? 'Hey there!'
    : /formal|professional/.test(voice)
      ? 'Hello,'
      : 'Hi there,';
  return { greeting, signOff: `— ${cleanName(brand.name)}` };
}

/** One of the template's own answers, chosen by the seed, avoiding the brand's don't words and banned terms. */
export function templateAnswer(t: ReplyTemplate, brand: EngagementBrandContext, seed: string): string {
  const avoid = [...(brand.dontWords ?? []), ...(brand.bannedTerms ?? []), ...(brand.bannedClaims ?? [])]
    .map((w) => wordsOf(w).trim())
    .filter(Boolean);
  const ok = t.answers.filter((a) => !avoid.some((w) => wordsOf(a).includes(` ${w} `)));
  // With none left, the first goes ahead and the reply check refuses it: fail closed, a human writes it.
  return pickBy(seed, ok.length ? ok : t.answers);
}

export function composeReply(slots: TemplateSlots): string {
  return `${slots.greeting} ${slots.answer} ${slots.signOff}`;
}

/** True when the text is exactly the template's composition of these slots (the policy's `template.intact`). */
export function templateIntact(
  templateId: string,
  slots: TemplateSlots,
  text: string,
  brand: EngagementBrandContext,
): boolean {
  const t = templateById(templateId);
  if (!t) return false;
  const fixed = brandSlots(brand);
  if (slots.greeting !== fixed.greeting || slots.signOff !== fixed.signOff) return false;
  if (!t.modelMayAnswer && !t.answers.includes(slots.answer)) return false;
  return slots.answer.trim() !== '' && !/[\r\n]/.test(slots.answer) && composeReply(slots) === text;
}
