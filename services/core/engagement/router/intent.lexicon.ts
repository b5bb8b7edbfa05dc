import type { Intent } from '../../../../workflows/contracts/vocabulary/engagement';

/** One rule: a pattern over the text's `plain` view and the operator-facing reason it gives. */
export interface LexiconRule {
  re: RegExp;
  why: string;
  /**
   * A weak signal decides only when no strong one does: repeated characters are spam only when nothing else is said
   * ("soooo good" is praise), and an amount of money is a pricing question only when the text is not a money scam.
   */
  weak?: true;
}

/**
 * English patterns per intent, read on the `plain` view (lower case, accents and invisible characters removed).
 * Sensitive intents err on the side of a match: a needless escalation costs a human a minute, a missed refund or
 * crisis costs far more (C-28). Order inside a list does not matter; the first match gives the reason.
 */
export const INTENT_LEXICON: Readonly<Record<Exclude<Intent, 'other'>, readonly LexiconRule[]>> = {
  crisis: [
    {
      re: /\b(?:kill(?:ing)? my ?self|end(?:ing)? (?:my|it) (?:life|all)|take my (?:own )?life)\b/,
      why: 'talks about ending their life',
    },
    {
      re: /\b(?:suicid\w*|self[- ]?harm\w*|hurt(?:ing)? my ?self|cut(?:ting)? my ?self|overdos\w*)\b/,
      why: 'talks about self-harm or suicide',
    },
    {
      re: /\b(?:(?:want|wanna|going) to die|(?:do ?n[o']?t|no longer) want to (?:live|be here)|no reason to live|better off dead|can'?t go on(?: anymore| like this)?|nothing to live for)\b/,
      why: 'sounds like a person in crisis',
    },
  ],
  harassment: [
    {
      re: /\b(?:i(?:'| wi)ll|gonna|going to|i'?m going to|we will|someone should) (?:kill|hurt|beat|find|get|shoot|stab|destroy) (?:you|u|ya|your)\b/,
      why: 'contains a threat',
    },
    {
      re: /\b(?:i know where you (?:live|work)|watch your back|you(?:'ll| will) regret (?:this|it))\b/,
      why: 'contains a threat',
    },
    {
      re: /\b(?:(?:hope|wish) (?:you|u|ya|your \w+) (?:die|dies|get cancer|burn)|go (?:die|kill yourself)|kys)\b/,
      why: 'wishes harm on someone',
    },
    {
      re: /\b(?:you(?:'re| are)|ur|u r|your (?:staff|team|ceo|owner|founder|employees?) (?:are|is)) (?:\w+ )?(?:idiots?|morons?|stupid|worthless|pathetic|trash|scum|losers?|clowns?|ugly|disgusting|retard\w*|bitch\w*|whores?|pigs?)\b/,
      why: 'insults a person',
    },
    {
      re: /\b(?:fuck|screw) (?:you|u|ya|off|your)\b|\bshut (?:the fuck )?up\b|\bstfu\b/,
      why: 'abuses someone directly',
    },
  ],
  legal: [
    {
      re: /\b(?:lawyers?|attorneys?|solicitors?|lawsuits?|(?:will|gonna|going to|i'?ll|we'?ll|should|could|can|to) sue|sue (?:you|them|your|the company)|suing|sued|legal (?:action|team|department|steps|proceedings)|(?:in|to|see you in) court|court case|class action|small claims)\b/,
      why: 'mentions legal action',
    },
    {
      re: /\b(?:cease and desist|defamation|defamatory|libel\w*|slander\w*|trademark|copyright\w*|infring\w*|stole my (?:design|photo|art|work|idea))\b/,
      why: 'raises a legal claim',
    },
    {
      re: /\b(?:gdpr|ccpa|data protection|(?:delete|erase|remove) (?:all )?my (?:personal )?data|right to (?:be forgotten|erasure)|subject access request|consumer protection|trading standards|ftc|regulator|ombudsman)\b/,
      why: 'invokes data-protection or consumer law',
    },
    {
      re: /\breport(?:ing|ed)? (?:you|this|them) to (?:the )?(?:police|authorities|bbb|ftc|regulator|trading standards)\b/,
      why: 'threatens to report to the authorities',
    },
  ],
  medical: [
    {
      re: /\b(?:allerg\w*|anaphyla\w*|rash(?:es)?|hives|side effects?|adverse reaction|allergic reaction)\b/,
      why: 'mentions an allergy or a reaction',
    },
    {
      re: /\b(?:pregnan\w*|breastfeed\w*|nursing mothers?|medication|medicines?|prescri\w*|dosage|diabet\w*|blood pressure|heart condition|epilep\w*|chemo\w*|celiac|coeliac|gluten[- ]free|lactose)\b/,
      why: 'asks about a medical condition',
    },
    {
      re: /\b(?:doctors?|hospital|emergency room|er visit|diagnos\w*|symptoms?|poison\w*|made me (?:sick|ill)|food poisoning|got sick|became ill)\b/,
      why: 'mentions health or illness',
    },
    { re: /\bis (?:it|this) safe (?:for|to|during|while)\b/, why: 'asks whether it is safe to use' },
  ],
  refund: [
    { re: /\b(?:refund\w*|money back|reimburs\w*|charge ?backs?|compensat\w*)\b/, why: 'mentions a refund' },
    {
      re: /\b(?:charged (?:me )?(?:twice|double|two times|again)|double[- ]charged|overcharged|unauthori[sz]ed (?:charge|payment)|billed (?:me )?twice)\b/,
      why: 'reports a wrong charge',
    },
    {
      re: /\b(?:return (?:my|the|this|it|an?) (?:order|item|product|purchase)|return policy|send (?:it|this) back|cancel (?:my|the) (?:order|subscription|membership|plan)|want my money)\b/,
      why: 'wants to return or cancel a purchase',
    },
  ],
  press: [
    {
      re: /\b(?:journalists?|reporters?|editor at|writer at|correspondent|press (?:inquiry|enquiry|office|team|contact|release)|media (?:inquiry|enquiry|request))\b/,
      why: 'comes from the press',
    },
    {
      re: /\b(?:for (?:a|an|our|my) (?:story|article|piece|feature|report|segment|documentary)|writing (?:a|an) (?:story|article|piece)|(?:a |any )?comment for (?:the|our|a) (?:story|article|piece|paper)|on the record|statement for (?:the|our|a))\b/,
      why: 'asks for a statement for a story',
    },
    {
      re: /\b(?:newspaper|magazine|tv station|news desk|podcast interview|interview request|request an interview)\b/,
      why: 'mentions a media outlet',
    },
  ],
  pricing: [
    {
      re: /\b(?:price[sd]?|pricing|prices|cost(?:s|ing)?|how much(?! (?:i|we) (?:love|like|enjoy|adore|miss|appreciate))|discount\w*|coupon\w*|promo ?codes?|voucher|(?:get|a|for a) quote|your rates|fees?|pay(?:ing)? for|per (?:month|year|week)|monthly fee|subscription (?:fee|cost|plan)|plans? start|cheaper|expensive|affordable|on sale|sale price)\b/,
      why: 'asks about prices',
    },
    {
      re: /(?:[$€£¥]\s?\d|\d\s?(?:[$€£¥]|usd|eur|gbp|dollars?|euros?|bucks)\b)/,
      why: 'mentions an amount of money',
      weak: true,
    },
    { re: /\${2,}|\u{1F4B0}|\u{1F4B8}|\u{1F4B5}/u, why: 'mentions money', weak: true },
  ],
  spam: [
    {
      re: /\b(?:crypto\w*|bitcoin|btc|ethereum|eth|usdt|nfts?|airdrop|forex|binary options|presale|token sale|web3|memecoin)\b/,
      why: 'crypto promotion',
    },
    {
      re: /\b(?:f4f|l4l|sub4sub|follow ?(?:4|for) ?follow|follow (?:me )?back|follow my (?:page|account)|check (?:out )?my (?:page|profile|bio|channel|account|link)|link in (?:my )?bio|visit my (?:page|profile)|promote (?:it|this|your \w+) on|send (?:it|pic) to @|dm (?:me|us) (?:for|to) (?:collab|promo|earn|invest))\b/,
      why: 'follow-for-follow or self-promotion',
    },
    {
      re: /\b(?:i made \$?\d+|ask me how|earn \$?\d+|make (?:\$?\d+|money|\d+k)|passive income|work from home|investment opportunity|guaranteed (?:profit|returns?)|get rich|double your money|whats ?app (?:me|\+)|telegram (?:me|@)|claim your (?:prize|reward)|you(?:'ve| have) won|free (?:followers|likes|iphone|gift card))\b/,
      why: 'money-making or prize scam',
    },
    { re: /(.)\1{11,}|\b(\w+)(?:\W+\2\b){5,}/, why: 'repeats characters or words', weak: true },
  ],
  complaint: [
    {
      re: /\b(?:broke|broken|breaks|faulty|defective|damaged|doesn'?t work|does not work|didn'?t work|did not work|not working|stopped working|won'?t (?:work|turn on|load|charge)|keeps crashing|crash(?:es|ed)|bug(?:gy)?|glitch\w*)\b/,
      why: 'reports something broken',
    },
    {
      re: /\b(?:never (?:arrived|came|got|received)|still (?:waiting|hasn'?t|haven'?t|not)|(?:hasn'?t|has not|haven'?t|have not) (?:arrived|shipped|received)|late (?:delivery|again)|lost (?:my|the) (?:order|package|parcel)|wrong (?:item|size|order|colou?r)|missing (?:items?|parts?|pieces?))\b/,
      why: 'reports a delivery problem',
    },
    {
      re: /\b(?:terrible|awful|horrible|worst|disappoint\w*|unacceptable|ridiculous|poor (?:quality|service)|bad (?:quality|service|experience)|rude|useless|waste of (?:money|time)|not happy|unhappy|fed up|frustrat\w*|annoy\w*|ripped off|rip-?off|scam(?:med)?|never again|do better)\b/,
      why: 'is unhappy',
    },
  ],
  question: [
    { re: /\?/, why: 'asks a question' },
    {
      re: /^(?:how|what|when|where|why|who|which|can|could|do|does|did|is|are|will|would|should|any)\b/,
      why: 'asks a question',
    },
    {
      re: /\b(?:wondering|any idea|anyone know|let me know|please advise|tell me (?:how|when|where|if)|i need help|need help|help me)\b/,
      why: 'asks for help',
    },
  ],
  praise: [
    {
      re: /\b(?:love[sd]?|loving|great|amazing|awesome|fantastic|excellent|brilliant|perfect|beautiful|gorgeous|wonderful|incredible|best|good|superb|outstanding|stunning|lovely|cool|nice|well done|congrat\w*|bravo|kudos|thank(?:s| you)|ty|thx|obsessed|fan of|recommend|killing it|slay\w*|haha\w*)\b/,
      why: 'is praise',
    },
    {
      re: /[\u{1F60D}\u{1F970}\u{2764}\u{1F496}\u{1F495}\u{1F44F}\u{1F525}\u{1F64C}\u{1F60A}\u{1F929}\u{1F44D}\u{1F499}\u{1F49C}\u{1F49A}\u{1F9E1}\u{1F49B}\u{2728}\u{1F602}\u{1F923}]/u,
      why: 'is praise',
    },
  ],
};
