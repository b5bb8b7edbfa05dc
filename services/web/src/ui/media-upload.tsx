import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import type { ErrorAdvice } from '../api/error-text';
import { ErrorBox } from './feedback';
import type { UploadedMedia } from './upload-artifact';
import { uploadArtifact } from './upload-artifact';
import type { PlatformInfo } from './use-platforms';

const ADVICE: ErrorAdvice = {
  MEDIA_TOO_LARGE: { title: 'File too large', next: 'Pick a smaller file, or export it at a lower quality.' },
  MEDIA_TYPE: {
    title: 'File not accepted',
    next: 'The file is not what its name says, or not an image or video Raize takes. Pick another file.',
  },
};

/** "412 KB", "3.4 MB": sizes as an operator reads them (1 KB = 1024 bytes, as the platforms' limits are given). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The optional image or video of a post, uploaded to the artifact store as soon as it is picked, so the type Raize
 * read from the bytes and the size show before anything is scheduled. What the platform takes is a hint here; the
 * API checks the platform's rules (type, size, shape, length) when the post is scheduled.
 */
export function MediaUpload({
  clientId,
  platform,
  value,
  onChange,
  onBusy,
}: {
  clientId: string;
  platform: PlatformInfo | undefined;
  value: UploadedMedia | null;
  onChange: (media: UploadedMedia | null) => void;
  /** true while a file is on its way: the form waits for its key */
  onBusy?: (busy: boolean) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const inFlight = useRef<AbortController | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  useEffect(() => () => inFlight.current?.abort(), []);

  const types = platform ? [...platform.imageTypes, ...platform.videoTypes] : [];
  if (platform && types.length === 0) return <p className="hint">{platform.displayName} posts take no media.</p>;

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    inFlight.current?.abort();
    setError(undefined);
    onChange(null);
    if (!file) return;
    const ctl = new AbortController();
    inFlight.current = ctl;
    setUploading(file.name);
    onBusy?.(true);
    try {
      onChange(await uploadArtifact(clientId, file, ctl.signal));
    } catch (err) {
      if (ctl.signal.aborted) return;
      setError(err);
      if (input.current) input.current.value = '';
    } finally {
      if (inFlight.current === ctl) {
        inFlight.current = null;
        setUploading(null);
        onBusy?.(false);
      }
    }
  };

  const clear = () => {
    inFlight.current?.abort();
    inFlight.current = null;
    setUploading(null);
    onBusy?.(false);
    setError(undefined);
    onChange(null);
    if (input.current) input.current.value = '';
  };

  const refusedBy = value && platform && !types.includes(value.contentType) ? platform.displayName : null;
  return (
    <div className="media-upload" data-testid="media-upload">
      <label className="field" htmlFor={id}>
        <span>Image or video {platform?.requiresMedia ? `(${platform.displayName} requires one)` : '(optional)'}</span>
        <input
          ref={input}
          id={id}
          name="media"
          type="file"
          accept={types.length ? types.join(',') : 'image/*,video/*'}
          onChange={(e) => void pick(e)}
          aria-describedby={`${id}-help`}
        />
      </label>
      <p id={`${id}-help`} className="hint">
        {platform && `${platform.displayName} takes ${types.join(', ')}. `}
        The file is uploaded when you pick it; the platform&apos;s rules on size and shape are checked when you
        schedule.
      </p>
      {uploading && (
        <p className="hint" role="status">
          <span className="spinner" aria-hidden="true" /> Uploading {uploading}…
        </p>
      )}
      <ErrorBox error={error} advice={ADVICE} />
      {value && (
        <p className="hint" role="status" data-testid="media-facts" data-content-type={value.contentType}>
          Uploaded: {value.kind} ({value.contentType}), {formatBytes(value.size)}.{' '}
          {refusedBy && (
            <span className="over-limit">
              {refusedBy} does not take {value.contentType} files.
            </span>
          )}{' '}
          <button type="button" className="button link" onClick={clear}>
            Remove
          </button>
        </p>
      )}
    </div>
  );
}
