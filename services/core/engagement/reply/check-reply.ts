import { normaliseWords } from '../../creation/content-input';
import type { PolicyEngine } from '../../policy/policy-engine';
import { domainOf, linksIn } from '../router/links';
import { detectPii } from '../router/pii';
import type { EngagementBrandContext } from '../router/router.types';
import { templateIntact } from './reply-templates';
import type { ReplyCheck, TemplateSlots } from './reply.types';
import { detectSecrets } from './secrets';

/** The reply constraints' rule in the policy bundle (policies/raize/engagement/reply.rego). */
export const REPLY_POLICY_ENTRYPOINT = 'raize/engagement/reply/decision';

export interface ReplyCheckInput {
  text: string;
  platform: string;
  kind: 'reply' | 'dm';
  /** `auto`: drafted by Raize and sent without a human writing it, so it must be an intact template */
  origin: 'auto' | 'human';
  /** the template and its slots the text was composed from (automatic replies) */
  template?: { id: string; slots: TemplateSlots };
  brand: EngagementBrandContext;
  /** the domains a reply may link to */
  linkAllowlist: readonly string[];
  maxChars?: number;
}

const terms = (list: readonly string[] | undefined) =>
  [...new Set((list ?? []).map(normaliseWords).filter((t) => t.length > 0))].slice(0, 500);

/** The policy's input: the text, its words, its links with domains, what the detectors found, the brand's words. */
export function replyPolicyInput(a: ReplyCheckInput) {
  return {
    platform: a.platform,
    kind: a.kind,
    origin: a.origin,
    text: a.text,
    words: normaliseWords(a.text),
    links: linksIn(a.text).map((url) => ({ url, domain: domainOf(url) ?? '' })),
    allowed_domains: [...a.linkAllowlist],
    detections: { secrets: detectSecrets(a.text), pii: detectPii(a.text) },
    template: a.template
      ? { id: a.template.id, intact: templateIntact(a.template.id, a.template.slots, a.text, a.brand) }
      : null,
    brand: {
      banned_terms: terms(a.brand.bannedTerms),
      banned_claims: terms(a.brand.bannedClaims),
      dont_words: terms(a.brand.dontWords),
    },
    settings: a.maxChars !== undefined ? { max_chars: a.maxChars } : {},
  };
}

/**
 * Checks a reply against the constraints before it is sent (C-29), failing closed: the engine's own errors and
 * timeouts deny, and so does anything thrown while building the input.
 */
export function checkReply(policy: PolicyEngine, input: ReplyCheckInput): ReplyCheck {
  try {
    const d = policy.decideAt(REPLY_POLICY_ENTRYPOINT, replyPolicyInput(input));
    return { allow: d.allow === true && d.reasons.length === 0, reasons: d.reasons };
  } catch (err) {
    return {
      allow: false,
      reasons: [
        { code: 'engine_error', message: `the reply check failed: ${err instanceof Error ? err.name : 'error'}` },
      ],
    };
  }
}
