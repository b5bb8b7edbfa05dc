/** The vendors count tokens with their own tokenizers; ~4 characters a token is their documented rule of thumb. */
export function approxTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
