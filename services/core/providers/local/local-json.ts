import { ANSWER_SCHEMA_NAME } from '../../engagement/reply/answer.schema';
import { REPLY_TEMPLATES, templateAnswer } from '../../engagement/reply/reply-templates';
import { CLASSIFICATION_SCHEMA_NAME, type Classification } from '../../engagement/router/classification.schema';
import { classifyByRules } from '../../engagement/router/rules.classifier';
import { outsideDataBlocks, readDataBlocks } from '../../engagement/router/untrusted-prompt';
import { isSensitiveIntent } from '../../../../workflows/contracts/vocabulary/engagement';
import { ProviderError, type TextRequest } from '../provider.types';

/**
 * The local provider's JSON mode: it has no model, so it answers the response schemas it knows deterministically.
 * The engagement classifier gets the rules' own reading of the inbound data block (so a client on the local
 * provider gets exactly the rules, valid and repeatable); the reply drafter gets the template's own answer. Any
 * other schema is a bad request, never free text where JSON was asked for.
 */
export function localJsonAnswer(req: TextRequest): string {
  const name = req.responseSchema?.name;
  const blocks = readDataBlocks(req.prompt);
  if (name === CLASSIFICATION_SCHEMA_NAME) {
    const text = blocks.get('inbound');
    if (text === undefined)
      throw new ProviderError('local', 'bad_request', 'the classification request has no inbound data block');
    const r = classifyByRules(text);
    const answer: Classification = {
      intent: r.intent,
      sentiment: r.sentiment,
      flags: r.flags,
      sensitive: r.sensitiveMatches.length > 0 || isSensitiveIntent(r.intent),
      confidence: r.confidence,
    };
    return JSON.stringify(answer);
  }
  if (name === ANSWER_SCHEMA_NAME) {
    // The template is named in the instructions, outside the data: the message cannot choose it.
    const id = /^Template: (\S+)$/m.exec(outsideDataBlocks(req.prompt))?.[1];
    const template = Object.values(REPLY_TEMPLATES).find((t) => t.id === id);
    if (!template) throw new ProviderError('local', 'bad_request', 'the answer request names no known template');
    return JSON.stringify({ answer: templateAnswer(template, {}, blocks.get('inbound') ?? '') });
  }
  throw new ProviderError('local', 'bad_request', `the local provider has no JSON mode for ${name ?? 'this schema'}`);
}
