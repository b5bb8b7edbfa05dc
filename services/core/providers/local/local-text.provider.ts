import type { ProviderCallContext, TextProvider, TextRequest, TextResult } from '../provider.types';
import { BODIES, bodyFamily, CALLS, HOOKS } from './text-templates';
import { localJsonAnswer } from './local-json';
import { pick, seededRandom } from './seeded-random';

export const LOCAL_TEXT_MODEL = 'local-template-v1';
const NEUTRAL_WORDS = ['clear', 'honest', 'friendly', 'useful'];

const countWords = (s: string | undefined) => (s ? s.split(/\s+/).filter(Boolean).length : 0);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Text from the brand kit and templates per format and pillar, chosen by a hash of the whole request: the same request
 * gives the same text. Don't-words never appear in it (a sentence that would carry one is dropped, and the topic is
 * cleaned); tokens are counted as words; it costs nothing.
 */
export function createLocalTextProvider(): TextProvider {
  return {
    id: 'local',
    generateText(_ctx: ProviderCallContext, req: TextRequest): Promise<TextResult> {
      if (req.responseSchema) {
        try {
          return Promise.resolve(jsonResult(req));
        } catch (err) {
          return Promise.reject(err as Error);
        }
      }
      const h = req.hints ?? {};
      const brand = h.brand;
      const rand = seededRandom(JSON.stringify([req.system ?? '', req.prompt, h]));
      const dont = (brand?.dontWords ?? []).map((w) => w.trim()).filter(Boolean);
      const banned = dont.length ? new RegExp(`\\b(${dont.map(escapeRe).join('|')})\\b`, 'i') : null;
      const clean = (s: string) =>
        banned
          ? s
              .replace(new RegExp(banned.source, 'gi'), '')
              .replace(/\s{2,}/g, ' ')
              .trim()
          : s;
      const topic = clean(h.topic?.trim() || firstSentence(req.prompt)) || 'our news';
      const doWords = (brand?.doWords ?? []).filter((w) => !banned?.test(w));
      const fill = (t: string) =>
        t
          .replaceAll('{topic}', topic)
          .replaceAll('{brand}', brand?.name ?? 'us')
          .replaceAll('{word}', pick(rand, doWords.length ? doWords : NEUTRAL_WORDS));
      const choose = (options: readonly string[]) => {
        const ok = options.map(fill).filter((s) => !banned?.test(s));
        return ok.length ? pick(rand, ok) : '';
      };
      const pillar = (h.pillar ?? '').toLowerCase();
      // A template cannot rewrite, so a revision carries the reviewer's note as a line of its own: the redraft always
      // differs from the draft it replaces, and the reviewer sees what they asked for (a vendor model rewrites instead).
      const note = h.revision ? clean(firstSentence(h.revision.note)).replace(/[.!?]*$/, '.') : '';
      const parts = [
        choose(HOOKS[pillar] ?? HOOKS.default),
        choose(BODIES[bodyFamily(h.format)]),
        note.length > 1 ? note : '',
        choose(CALLS),
      ].filter(Boolean);
      const playful = /playful|fun|casual/i.test(brand?.voice ?? '');
      let text = parts.map((p) => (playful ? p.replace(/\.$/, '!') : p)).join('\n\n');
      const tags = (brand?.hashtags ?? [])
        .map((t) => t.trim().replace(/^#?/, '#'))
        .filter((t) => t.length > 1 && !banned?.test(t));
      if (tags.length) text += `\n\n${tags.slice(0, 5).join(' ')}`;

      const words = text.split(/(\s+)/);
      let finish: TextResult['finish'] = 'stop';
      if (countWords(text) > req.maxOutputTokens) {
        let kept = 0;
        text = words
          .filter((w) => (/\S/.test(w) ? ++kept <= req.maxOutputTokens : kept < req.maxOutputTokens))
          .join('')
          .trim();
        finish = 'length';
      }
      return Promise.resolve({
        text,
        model: LOCAL_TEXT_MODEL,
        finish,
        usage: {
          inputTokens: countWords(req.system) + countWords(req.prompt),
          outputTokens: countWords(text),
          costMicros: 0,
        },
      });
    },
  };
}

/** A JSON-mode answer (see local-json.ts); throws ProviderError for a schema it does not know. */
function jsonResult(req: TextRequest): TextResult {
  const text = localJsonAnswer(req);
  return {
    text,
    model: LOCAL_TEXT_MODEL,
    finish: 'stop',
    usage: {
      inputTokens: countWords(req.system) + countWords(req.prompt),
      outputTokens: countWords(text),
      costMicros: 0,
    },
  };
}

function firstSentence(prompt: string): string {
  const s = prompt.split(/(?<=[.!?])\s|\n/)[0]?.trim() ?? '';
  return s.length > 60 ? s.slice(0, 60).replace(/\s+\S*$/, '') : s.replace(/[.!?]$/, '');
}
