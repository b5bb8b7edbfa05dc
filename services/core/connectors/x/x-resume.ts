import type { ResumeState } from '../connector.types';

/** The names the writer keeps in the side effect's resume memory: ids, counts and times, never a token. */
export const X_RESUME_KEYS = {
  media: (i: number) => ({
    id: `x.media.${i}.id`,
    key: `x.media.${i}.key`,
    /** the checksum of the file this upload is of: a different file never reuses it */
    checksum: `x.media.${i}.checksum`,
    /** how many chunks X has confirmed */
    segments: `x.media.${i}.segments`,
    /** '1' once finalize was answered */
    finalized: `x.media.${i}.finalized`,
  }),
  /** when the last POST /2/tweets was sent (its outcome may be unknown) */
  sentAt: 'x.post.sentAt',
  /** the post X created */
  postId: 'x.post.id',
} as const;

/** The resume memory of one publish, read once; without the guard's memory (a test of one call) it lives in memory. */
export class XResumeMemory {
  private constructor(
    private readonly state: ResumeState | undefined,
    private readonly values: Record<string, string>,
  ) {}

  static async load(state: ResumeState | undefined): Promise<XResumeMemory> {
    return new XResumeMemory(state, state ? { ...(await state.get()) } : {});
  }

  get(key: string): string | undefined {
    return this.values[key];
  }

  /** Durable when it resolves: called before each step whose answer could be lost. */
  async put(values: Record<string, string>): Promise<void> {
    Object.assign(this.values, values);
    await this.state?.put(values);
  }
}
