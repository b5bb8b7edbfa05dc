import type { ResumeState } from '../connector.types';

const KEY = {
  step: 'facebook.step',
  finalAt: 'facebook.finalAt',
  videoId: 'facebook.videoId',
  photo: (i: number) => `facebook.photo.${i}`,
} as const;

/**
 * What a publish remembers across attempts (ids and times, never tokens): the photos already uploaded unpublished
 * (with their checksum, so changed media are uploaded again), that the final write was sent and when, and the
 * video id once Facebook answered it. Without a ResumeState (tests of one call) it remembers nothing.
 */
export class FacebookResumeMemory {
  private constructor(
    private readonly state: ResumeState | undefined,
    private readonly values: Record<string, string>,
  ) {}

  static async load(state: ResumeState | undefined): Promise<FacebookResumeMemory> {
    return new FacebookResumeMemory(state, state ? await state.get() : {});
  }

  /** When an earlier attempt sent the final write and did not hear back (undefined: it never did). */
  get finalSentAt(): { step: string; at: Date } | undefined {
    const at = this.values[KEY.finalAt];
    if (!at || Number.isNaN(Date.parse(at))) return undefined;
    return { step: this.values[KEY.step] ?? '', at: new Date(at) };
  }

  get videoId(): string | undefined {
    return this.values[KEY.videoId] || undefined;
  }

  /** The photo id uploaded for media `i`, if it was these bytes. */
  photoId(i: number, checksum: string): string | undefined {
    const [sum, id] = (this.values[KEY.photo(i)] ?? '').split(':');
    return sum === checksum && id ? id : undefined;
  }

  savePhoto(i: number, checksum: string, id: string): Promise<void> {
    return this.put({ [KEY.photo(i)]: `${checksum}:${id}` });
  }

  /** Written before the final write leaves: from here on, a lost answer may mean a post exists. */
  finalSending(step: string, at: Date): Promise<void> {
    return this.put({ [KEY.step]: step, [KEY.finalAt]: at.toISOString() });
  }

  saveVideo(id: string): Promise<void> {
    return this.put({ [KEY.videoId]: id });
  }

  /** A video Facebook failed to process: the next attempt uploads again instead of waiting on it. */
  forgetVideo(): Promise<void> {
    return this.put({ [KEY.videoId]: '', [KEY.finalAt]: '', [KEY.step]: '' });
  }

  private async put(values: Record<string, string>): Promise<void> {
    Object.assign(this.values, values);
    if (this.state) await this.state.put(values);
  }
}
