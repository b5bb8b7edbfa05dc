import { useId, useState } from 'react';
import type { PortalPost } from './portal-api';
import { platformName } from './portal-format';

/**
 * The post as its platform's feed will show it: the text up to the "…more" cut (which opens the rest, as on the
 * platform), hashtags, the media from a short signed URL on the API's own origin (img-src 'self'), and a card per
 * link with its host. Nothing is fetched from the links themselves.
 */
export function PostPreview({ post }: { post: PortalPost }) {
  const p = post.preview;
  const [open, setOpen] = useState(false);
  const textId = useId();
  // A class per aspect (no style attribute: the CSP forbids inline styles); unknown aspects fall back to square.
  const aspect = p.mediaAspect.replace(/[^0-9]+/g, '-');
  const media = post.media;
  return (
    <figure className="feed-preview portal-preview" data-testid="feed-preview" data-platform={post.platform}>
      <figcaption className="hint">As {platformName(post.platform)} will show it</figcaption>
      {media?.contentType.startsWith('image/') && (
        <img
          className={`feed-media aspect-${aspect}`}
          src={media.url}
          alt={`The image of this ${platformName(post.platform)} post`}
          data-testid="preview-image"
        />
      )}
      {media?.contentType.startsWith('video/') && (
        <video
          className={`feed-media aspect-${aspect}`}
          src={media.url}
          controls
          muted
          preload="metadata"
          aria-label={`The video of this ${platformName(post.platform)} post`}
          data-testid="preview-video"
        />
      )}
      <p className="feed-text" id={textId} data-testid="feed-text">
        {open || !p.truncated ? post.text : p.feedText}
      </p>
      {p.truncated && (
        <button
          type="button"
          className="button link feed-more"
          aria-expanded={open}
          aria-controls={textId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'less' : 'more'}
          <span className="visually-hidden"> of the text</span>
        </button>
      )}
      {p.hashtags.length > 0 && (
        <ul className="hashtags" aria-label="Hashtags">
          {p.hashtags.map((h) => (
            <li key={h}>{h.startsWith('#') ? h : `#${h}`}</li>
          ))}
        </ul>
      )}
      {post.links.length > 0 && (
        <ul className="link-cards" aria-label="Links in the post">
          {post.links.map((l) => (
            <li key={l.url} className="link-card" data-testid="link-card">
              <span className="link-card-host">{l.host}</span>
              <a href={l.url} target="_blank" rel="noopener noreferrer nofollow">
                {l.url}
              </a>
            </li>
          ))}
        </ul>
      )}
      {p.overLimit && (
        <p className="hint over-limit">
          {p.characters} / {p.characterLimit} characters: longer than {platformName(post.platform)} allows.
        </p>
      )}
    </figure>
  );
}
