import { createHash } from 'node:crypto';

/** What logs and traces may say about a prompt or an output (C-13): its size and a short hash, never the text. */
export interface RedactedText {
  chars: number;
  sha256: string;
}

export function describeText(text: string | undefined | null): RedactedText {
  const t = text ?? '';
  return { chars: t.length, sha256: createHash('sha256').update(t).digest('hex').slice(0, 12) };
}

/** `123 chars, sha256 0a1b2c3d4e5f`: a prompt or output as a log line may mention it. */
export function describeTextInline(text: string | undefined | null): string {
  const d = describeText(text);
  return `${d.chars} chars, sha256 ${d.sha256}`;
}

/**
 * Removes every occurrence of the given secrets (and of long runs of them) from a message before it is shown or
 * logged: an adapter error that quoted a request must not carry the key out (C-11, C-13).
 */
export function scrubSecrets(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}
