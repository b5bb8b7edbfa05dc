import type {
  ArtifactRef,
  ArtifactStore,
  PutArtifactInput,
  SignedUrlOptions,
} from '../../services/core/artifacts/artifact-store.port';

/**
 * An artifact store built on first use: activities factories are synchronous, the store resolves its signing key
 * (and MinIO's credentials) asynchronously, once.
 */
export class LazyArtifactStore implements ArtifactStore {
  private store?: Promise<ArtifactStore>;

  constructor(
    readonly backend: ArtifactStore['backend'],
    private readonly build: () => Promise<ArtifactStore>,
  ) {}

  private get ready(): Promise<ArtifactStore> {
    this.store ??= this.build().catch((err: unknown) => {
      // A failed build (a secret not there yet) is tried again by the next call, not cached forever.
      this.store = undefined;
      throw err;
    });
    return this.store;
  }

  async put(input: PutArtifactInput): Promise<ArtifactRef> {
    return (await this.ready).put(input);
  }

  async get(ref: Pick<ArtifactRef, 'key' | 'clientId'>): Promise<Buffer> {
    return (await this.ready).get(ref);
  }

  async signedUrl(ref: Pick<ArtifactRef, 'key' | 'clientId'>, opts?: SignedUrlOptions): Promise<string> {
    return (await this.ready).signedUrl(ref, opts);
  }
}
