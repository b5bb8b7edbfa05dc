import { useQuery } from '../api/use-query';
import type { PostBrowserProofQuery as PostBrowserProofAnswer } from '../gql/graphql';
import { formatDateTime } from '../time/zoned-time';
import { ErrorBox, Loading } from '../ui/feedback';
import { PostBrowserProofQuery } from './browser-proof.operations';
import './browser-proof.css';

type Step = NonNullable<PostBrowserProofAnswer['postBrowserProof']>['steps'][number];

// The API signs links for five minutes (C-46); asking again a minute before keeps every link on the page working.
const RENEW_LINKS_MS = 4 * 60 * 1000;

/** The runner's step codes in an operator's words; a step of a newer runner shows its code until it has some. */
const STEP_WORDS: Record<string, { label: string; what: string }> = {
  compose: {
    label: 'Compose page',
    what: 'The post written into the platform’s compose page, just before it was sent.',
  },
  published: { label: 'Published post', what: 'The post’s own page on the platform, right after it was sent.' },
  read_back: { label: 'Read back', what: 'The post opened again from the platform to check it is there as written.' },
};

/** Whether a post's proof JSON has the browser lane's part: only then is the proof asked for. */
export function hasBrowserProof(proof: string | null | undefined): boolean {
  if (!proof) return false;
  try {
    const p = JSON.parse(proof) as { browser?: unknown };
    return typeof p.browser === 'object' && p.browser !== null;
  } catch {
    return false;
  }
}

/**
 * "Proof through the browser" (C-44): each step the runner took on the platform's pages, with its masked screenshot
 * and DOM snapshot behind short-lived signed links. The snapshot is served as plain text, so captured markup never
 * runs as a page of ours.
 */
export function BrowserProofPanel({ postId, tz }: { postId: string; tz: string }) {
  const q = useQuery(PostBrowserProofQuery, { postId }, { pollMs: RENEW_LINKS_MS });
  const proof = q.data?.postBrowserProof;
  return (
    <section className="panel wide" aria-labelledby="post-browser-proof" data-testid="browser-proof">
      <h2 id="post-browser-proof">Proof through the browser</h2>
      <ErrorBox error={q.error} onRetry={() => void q.reload()} />
      {!q.data && !q.error && <Loading what="the browser proof" />}
      {q.data && !proof && <p className="hint">This post has no proof through the browser.</p>}
      {proof && (
        <>
          <p className="hint">
            Each step Raize took on the platform’s pages, read with selector map <code>{proof.selectorMapVersion}</code>
            . Emails and phone numbers are masked on the screenshots and replaced in the snapshots. The links work until{' '}
            {formatDateTime(proof.linksExpireAt, tz)} and are renewed while this page is open.
          </p>
          <ol className="browser-proof-steps">
            {proof.steps.map((s, i) => (
              <ProofStep key={`${s.step}-${i}`} step={s} tz={tz} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function ProofStep({ step, tz }: { step: Step; tz: string }) {
  const words = STEP_WORDS[step.step];
  const label = words?.label ?? step.step;
  return (
    <li className="browser-proof-step" data-step={step.step}>
      {step.screenshotUrl ? (
        <img
          className="browser-proof-thumb"
          src={step.screenshotUrl}
          alt={`Screenshot of the step “${label}”, emails and phone numbers masked`}
          data-testid="proof-thumbnail"
        />
      ) : (
        <p className="hint">No screenshot available.</p>
      )}
      <div>
        <h3>{label}</h3>
        {words && <p className="hint">{words.what}</p>}
        <p>
          <time dateTime={step.at}>{formatDateTime(step.at, tz)}</time> ·{' '}
          <span data-testid="proof-masked">{maskedWords(step.masked)}</span>
        </p>
        <p>
          Page: <code className="browser-proof-url">{step.url}</code>
          {isWebAddress(step.url) && (
            <>
              {' '}
              <a href={step.url} target="_blank" rel="noopener noreferrer" data-testid="proof-page-link">
                Open page
              </a>
            </>
          )}
        </p>
        <p className="browser-proof-links">
          {step.screenshotUrl && (
            <a href={step.screenshotUrl} target="_blank" rel="noopener noreferrer" data-testid="proof-screenshot">
              Screenshot
            </a>
          )}
          {step.domUrl && (
            // Served as a text/plain attachment: it is saved and read as text, never opened as a page.
            <a href={step.domUrl} download={`dom-snapshot-${step.step}.txt`} data-testid="proof-dom">
              DOM snapshot
            </a>
          )}
          {(!step.screenshotUrl || !step.domUrl) && (
            <span className="hint">Some proof of this step could not be linked; reload the page to try again.</span>
          )}
        </p>
      </div>
    </li>
  );
}

function maskedWords(n: number): string {
  if (n === 0) return 'nothing needed masking';
  return n === 1 ? '1 email or phone number masked' : `${n} emails or phone numbers masked`;
}

// The page's address was read by the runner; only a web address becomes a link (never javascript: or data:).
function isWebAddress(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
