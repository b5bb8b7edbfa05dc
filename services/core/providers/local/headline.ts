/** What a card or a clip says: the brand's headline, else the prompt's first sentence (short). */
export function headlineOf(headline: string | undefined, prompt: string): string {
  const text = headline?.trim() || prompt.split(/(?<=[.!?])\s|\n/)[0]?.trim() || prompt.trim();
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}
