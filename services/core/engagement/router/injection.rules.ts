import type { TextViews } from './text-views';

/** One injection pattern family on one view of the text, and the operator-facing reason it gives. */
interface InjectionRule {
  view: keyof TextViews;
  re: RegExp;
  why: string;
}

// "Ignore your instructions" in the other languages attacks arrive in: a word of each list in one text addresses the
// model, whatever the grammar between them. English has its own, tighter patterns below, because customers write
// "don't forget to read the instructions" and mean it.
const IGNORE_WORDS =
  /(?:^|[^\p{L}])(?:ignora|ignorar|ignorez|ignorer|ignoriere|ignorieren|vergiss|negeer|vergeet|zignoruj|ignoruj|olvida|olvide|oublie|oubliez|dimentica|esqueca|abaikan|игнорируй|игнорировать|забудь|проигнорируй|ігноруй)(?=$|[^\p{L}])|忽略|忘记|無視|忘れ|무시|yok say/u;
const INSTRUCTION_WORDS =
  /(?:^|[^\p{L}])(?:instrucciones|instruccion|instrucoes|istruzioni|consignes|instructions|anweisungen|anweisung|instruktionen|vorgaben|instructies|instrukcje|instrukcji|talimatlari|petunjuk|инструкции|инструкций|указания|правила|інструкції)(?=$|[^\p{L}])|指令|指示|提示|命令|지시/u;

const DETERMINERS = '(?:(?:all|any|the|your|my|of|these|those|every|everything|about) )*';
const QUALIFIERS = '(?:(?:previous|prior|above|earlier|preceding|original|initial|system|safety|old|other) )*';
const NOUNS =
  '(?:instructions?|rules|prompts?|directions|guidelines|messages?|context|programming|guardrails|constraints)';

const RULES: readonly InjectionRule[] = [
  {
    view: 'folded',
    re: new RegExp(
      `\\b(?:(?:ignore|disregard|override|bypass) ${DETERMINERS}${QUALIFIERS}${NOUNS}|forget ${DETERMINERS}(?:previous|prior|above|earlier|preceding|original|initial|system) ${QUALIFIERS}${NOUNS}|forget everything)\\b`,
    ),
    why: 'asks the model to ignore its instructions',
  },
  {
    view: 'squashed',
    re: /(?:ignore|disregard|forget)(?:all|any|the|your)*(?:previous|prior|above|earlier)(?:instructions|rules|prompts)|systemprompt|developermode|jailbreak|doanythingnow/,
    why: 'hides an instruction to the model in spaced or disguised letters',
  },
  {
    view: 'folded',
    re: /\b(?:you are now (?:a|an|in|no longer|free|dan|unfiltered|jailbroken|evil|called|named|my assistant)|from now on,? you|(?:from now on |now |please )act as|act as (?:my|if you (?:were|are)|an? (?:ai|assistant|bot|unfiltered|uncensored|evil|different|new|pirate))|pretend (?:to be|you are|you're)|role ?-?play|play the role|new persona|stay in character|jailbreak|dan mode|developer mode|do anything now|unfiltered mode|god mode)\b/,
    why: 'tries to give the model a new role',
  },
  {
    view: 'folded',
    re: /\b(?:system prompt|initial prompt|hidden prompt|your (?:system |initial |hidden |original )?prompt|(?:reveal|print|repeat|output|leak|tell me|what are|give me) your (?:system |initial |hidden |original )?(?:instructions|prompt|configuration|rules)|(?:reveal|print|show|output|leak|give me|share|send me) (?:me )?(?:your|the) (?:api keys?|secrets?|keys|tokens?|passwords?|credentials)|repeat (?:the )?(?:text|words|everything) above|what were you told)\b/,
    why: 'asks for the model’s instructions or secrets',
  },
  {
    view: 'plain',
    re: /(?:^|[\s[(<{#*`"'>])(?:system|assistant|developer|admin|root)\s*(?:message|prompt|note|override)?\s*[:\]>]|<\|?(?:im_start|im_end|system|endoftext|assistant|user)\|?>|\[\/?inst\]|<<\/?sys>>|<\/?(?:system|instructions?|data|untrusted[_ ]?data|context|prompt|tool_call|function_call)>|###\s*(?:system|instruction|new instructions)|\b(?:end|begin) (?:of )?(?:the )?(?:untrusted |user |inbound )?(?:data|input|message|comment|block)\b|<<<|>>>/,
    why: 'imitates a system message or the data block’s edges',
  },
  {
    view: 'plain',
    re: /\{\s*"(?:tool|tool_name|function|function_call|name|action|arguments|tool_calls|recipient_name)"\s*:|<(?:tool|function)[ =_]|\b(?:call|use|invoke|run|execute|trigger) (?:the )?(?:tool|function|api|command|endpoint|plugin)\b|\b(?:curl|wget|rm -rf|sudo|exec|eval)\s|\b(?:publish|delete|post) (?:this|a new|the following) (?:post|tweet|content)\b|\b(?:disable|turn off|bypass|remove) (?:your |the |all )?(?:approvals?|filters?|safety|moderation|guardrails)\b|\bchange (?:your |the )?(?:autonomy|policy|policies)\b/,
    why: 'contains tool-call syntax or asks the model to act',
  },
  {
    view: 'folded',
    re: /\b(?:reply|respond|answer|write back|comment back) (?:only |back |to this )?(?:with|by saying|saying) (?:this|the following|exactly|only|the word|the words|the phrase|the link|this link|the url|my link)\b|\b(?:reply|respond|answer)(?: only)?(?: with)?\s*[:"“']|\b(?:say|write|post|type|output|print) (?:exactly|only the words?|verbatim|the following|these words)\b|\byour (?:reply|answer|response|next message|comment) (?:must|should|will|has to) (?:be|include|contain|say|start|end|mention)\b|\b(?:include|add|put|insert|paste) (?:this|the following|my) (?:link|url|code|coupon|text|message|phrase)\b|\brepeat after me\b|\btell (?:everyone|all (?:your )?followers)\b/,
    why: 'tells the reply what to say',
  },
  {
    view: 'folded',
    re: /\b(?:(?:dear|hey|hi|hello|attention|note to|to the|psst) (?:ai|bot|chatbot|chatgpt|gpt|claude|gemini|llm|assistant|language model|model|moderator bot|auto-?responder)|if you(?:'re| are) an? (?:ai|bot|language model|llm|assistant)|ai (?:assistant|agent|model) reading this|(?:admin|priority|important|urgent|override) (?:instruction|command|override|note to (?:the )?(?:ai|bot)))\b/,
    why: 'addresses the model directly',
  },
  {
    view: 'folded',
    re: /\bbase64\b|\b(?:decode|rot13|unscramble|translate) (?:this|the following|and (?:follow|do|execute|run))\b/,
    why: 'carries an encoded blob',
  },
];

// 24+ characters of the base64 alphabet with both cases and a digit or a symbol: an encoded payload, not a word.
const BLOB = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
function hasEncodedBlob(text: string): boolean {
  return (text.match(BLOB) ?? []).some((b) => /[a-z]/.test(b) && /[A-Z]/.test(b) && /[0-9+/=]/.test(b));
}

/** Why the text reads as instructions aimed at the model (empty when it does not); each reason once. */
export function injectionReasons(views: TextViews, original: string): string[] {
  const why = new Set<string>();
  for (const r of RULES) if (r.re.test(views[r.view])) why.add(r.why);
  // Stripping accents also strips the breve of Cyrillic "й", so the word lists read the accented text too.
  const accented = original.normalize('NFKC').toLowerCase();
  const either = (re: RegExp) => re.test(views.plain) || re.test(accented);
  if (either(IGNORE_WORDS) && either(INSTRUCTION_WORDS)) why.add('asks the model to ignore its instructions');
  if (hasEncodedBlob(original.normalize('NFKC'))) why.add('carries an encoded blob');
  if (mixedScriptWord(original)) why.add('disguises words with look-alike letters');
  return [...why];
}

// A word mixing Latin with Cyrillic or Greek letters is how "іgnore" slips past a filter; real words rarely do.
function mixedScriptWord(text: string): boolean {
  return text
    .normalize('NFKC')
    .split(/[^\p{L}]+/u)
    .some((w) => /\p{Script=Latin}/u.test(w) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(w));
}
