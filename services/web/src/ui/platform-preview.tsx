import type { ReviewItemQuery } from '../gql/graphql';

type Item = ReviewItemQuery['reviewItem'];

/**
 * The post as the platform's feed will show it: the text up to the "…more" cut, hashtags, the media in the
 * platform's aspect. The media comes from a signed URL of two minutes on the API's own origin (img-src 'self').
 */
export function PlatformPreview({ item }: { item: Item }) {
  const p = item.preview;
  const a = item.asset;
  if (!a) return <p className="hint">Nothing created yet.</p>;
  // A class per aspect (no style attribute: the CSP forbids inline styles); unknown aspects fall back to square.
  const aspect = (p?.mediaAspect ?? '1:1').replace(/[^0-9]+/g, '-');
  return (
    <figure className="feed-preview" data-testid="feed-preview" data-platform={item.platform}>
      <figcaption className="hint">As {item.platform} shows it</figcaption>
      {a.mediaUrl && a.mediaContentType?.startsWith('image/') && (
        <img
          className={`feed-media aspect-${aspect}`}
          src={a.mediaUrl}
          alt={`The generated image for: ${item.brief}`}
          data-testid="preview-image"
        />
      )}
      {a.mediaUrl && a.mediaContentType?.startsWith('video/') && (
        <video
          className={`feed-media aspect-${aspect}`}
          src={a.mediaUrl}
          controls
          muted
          preload="metadata"
          aria-label={`The generated clip for: ${item.brief}`}
          data-testid="preview-video"
        />
      )}
      {!a.mediaUrl && item.format !== 'text' && (
        <p className="hint">The media is not available right now; reload the page for a fresh link.</p>
      )}
      <p className="feed-text">
        {p ? p.feedText : a.text}
        {p?.truncated && <span className="feed-more"> …more</span>}
      </p>
      {p && p.hashtags.length > 0 && (
        <ul className="hashtags" aria-label="Hashtags">
          {p.hashtags.map((h) => (
            <li key={h}>{h.startsWith('#') ? h : `#${h}`}</li>
          ))}
        </ul>
      )}
      {p && (
        <p className={`hint ${p.overLimit ? 'over-limit' : ''}`}>
          {p.characters} / {p.characterLimit} characters
          {p.overLimit && ' — over the platform’s limit'}
          {p.links.length > 0 && !p.linksAllowed && ' · links are not allowed on this platform'}
        </p>
      )}
    </figure>
  );
}
