import { createHash } from 'node:crypto';
import type { FetchBlockedReason, GuardedFetchOptions, GuardedFetchResponse } from '../net/guarded-fetch';
import { FetchBlockedError, fetchOptionsFromEnv, guardedFetch } from '../net/guarded-fetch';
import type { KbSourceKind } from '../database/entities';
import type { KbContentType } from './document-text';
import { documentText, kbContentType } from './document-text';
import { htmlTitle } from './html-to-text';
import type { KbSourceInput } from './kb-source-input';
import { KB_LIMITS } from './kb-source-input';

export type KnowledgeInputErrorCode =
  'unsupported_type' | 'binary' | 'empty' | 'too_large' | 'fetch_blocked' | 'fetch_failed';

/** A source that cannot be ingested; the message is meant for the operator and never carries the URL. */
export class KnowledgeInputError extends Error {
  constructor(
    readonly code: KnowledgeInputErrorCode,
    message: string,
    /** the guarded fetcher's reason, when it refused the URL */
    readonly fetchReason?: FetchBlockedReason,
  ) {
    super(message);
    this.name = 'KnowledgeInputError';
  }
}

/** A source ready to store: its readable text and what it was. */
export interface PreparedKbSource {
  kind: KbSourceKind;
  title: string;
  sourceUrl: string | null;
  fileName: string | null;
  contentType: KbContentType;
  byteSize: number;
  contentSha256: string;
  text: string;
}

export interface KbIngestDeps {
  fetch?: (url: string, opts?: GuardedFetchOptions) => Promise<GuardedFetchResponse>;
  /** the deployment's fetch settings (plain http, private ranges); read from the environment by default */
  fetchOptions?: Pick<GuardedFetchOptions, 'allowHttp' | 'allowPrivate' | 'resolver'>;
}

/** Turns a validated input (kbSourceInputSchema) into text; fetches URLs through the guarded fetcher (C-35). */
export async function prepareKbSource(input: KbSourceInput, deps: KbIngestDeps = {}): Promise<PreparedKbSource> {
  switch (input.kind) {
    case 'text':
      return prepared('text', input.title, 'text/plain', input.text, { bytes: Buffer.from(input.text, 'utf8') });
    case 'file': {
      // A generic claim (or none) defers to the file name; a specific non-text claim is believed and refused.
      const generic = ['', 'application/octet-stream'].includes(input.contentType.toLowerCase());
      const type = kbContentType(input.contentType) ?? (generic ? typeFromName(input.fileName) : undefined);
      if (!type || type === 'text/html')
        throw new KnowledgeInputError('unsupported_type', 'files must be plain text, Markdown or CSV');
      return prepared('file', input.title || input.fileName, type, input.content, {
        bytes: Buffer.from(input.content, 'utf8'),
        fileName: input.fileName,
      });
    }
    case 'url':
      return fetchUrlSource(input.url, input.title, deps);
  }
}

async function fetchUrlSource(url: string, title: string | undefined, deps: KbIngestDeps): Promise<PreparedKbSource> {
  let res: GuardedFetchResponse;
  try {
    res = await (deps.fetch ?? guardedFetch)(url, {
      ...(deps.fetchOptions ?? fetchOptionsFromEnv()),
      maxBytes: KB_LIMITS.urlBytes,
      timeoutMs: KB_LIMITS.urlTimeoutMs,
      headers: { accept: 'text/html, text/plain;q=0.9, text/markdown;q=0.9, text/csv;q=0.8' },
    });
  } catch (err) {
    if (err instanceof FetchBlockedError) {
      throw new KnowledgeInputError('fetch_blocked', `the URL was not fetched: ${err.message}`, err.reason);
    }
    throw new KnowledgeInputError('fetch_failed', 'the URL could not be fetched (connection failed)');
  }
  if (res.status < 200 || res.status > 299) {
    throw new KnowledgeInputError('fetch_failed', `the URL answered HTTP ${res.status}`);
  }
  const type = kbContentType(res.contentType);
  if (!type) throw new KnowledgeInputError('unsupported_type', 'the URL is not an HTML, text, Markdown or CSV page');
  const content = decode(res.body, res.contentType);
  const pageTitle = type === 'text/html' ? htmlTitle(content) : undefined;
  return prepared('url', title || pageTitle || new URL(res.url).hostname, type, content, {
    bytes: res.body,
    sourceUrl: res.url,
  });
}

function prepared(
  kind: KbSourceKind,
  title: string,
  type: KbContentType,
  content: string,
  extra: { bytes: Buffer; fileName?: string; sourceUrl?: string },
): PreparedKbSource {
  // NUL never occurs in text: it is a binary file wearing a text type (an image renamed .txt).
  if (content.includes('\u0000')) throw new KnowledgeInputError('binary', 'the content is binary, not text');
  const text = documentText(content, type);
  if (!text) throw new KnowledgeInputError('empty', 'the source has no readable text');
  if (text.length > KB_LIMITS.extractedChars) {
    throw new KnowledgeInputError(
      'too_large',
      `the source's text is longer than ${KB_LIMITS.extractedChars} characters`,
    );
  }
  return {
    kind,
    title: title.trim().slice(0, KB_LIMITS.title) || kind,
    sourceUrl: extra.sourceUrl?.slice(0, KB_LIMITS.urlChars) ?? null,
    fileName: extra.fileName ?? null,
    contentType: type,
    byteSize: extra.bytes.length,
    contentSha256: createHash('sha256').update(extra.bytes).digest('hex'),
    text,
  };
}

function typeFromName(name: string): KbContentType | undefined {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'md' || ext === 'markdown'
    ? 'text/markdown'
    : ext === 'csv'
      ? 'text/csv'
      : ext === 'txt'
        ? 'text/plain'
        : undefined;
}

/** A fetched body as text in the charset its content type names (UTF-8 when it names none or an unknown one). */
export function decode(body: Buffer, contentType: string | undefined): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
