// Whole words on the folded view ("f4ck" folds to "fack", so the common masked spellings are listed too).
const PROFANITY =
  /\b(?:f+u+c+k+\w*|f\*+c?k\w*|fck\w*|fuk\w*|fack\w*|sh[i1!]t+\w*|bullshit|crap|damn|dammit|asshole\w*|arsehole\w*|bastard\w*|bitch\w*|dick(?:head)?s?|cunt\w*|piss(?:ed)?|wtf|stfu|motherf\w*|bollocks|wank\w*|twat\w*)\b/;

export function hasProfanity(folded: string): boolean {
  return PROFANITY.test(folded);
}
