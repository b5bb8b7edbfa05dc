import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { ArtifactRejectedError } from './artifact.errors';
import { parseArtifactKey } from './artifact-key';
import type { ObjectBackend } from './object-backend';
import { readAtMost } from './read-limited';

/** Objects as files under one directory, owner-only (0700 directories, 0600 files). */
export class LocalObjectBackend implements ObjectBackend {
  readonly name = 'local' as const;
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  async write(key: string, bytes: Buffer, checksum: string): Promise<void> {
    const path = this.pathOf(key);
    const existing = await this.read(key, bytes.length);
    if (existing && sha256(existing) === checksum) return;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // Write then rename: a reader never sees half an object, and a crash leaves at most a stray temporary file.
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async read(key: string, maxBytes: number): Promise<Buffer | undefined> {
    const path = this.pathOf(key);
    const stream = createReadStream(path, { end: maxBytes });
    try {
      return await readAtMost(stream, maxBytes + 1);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    } finally {
      stream.destroy();
    }
  }

  private pathOf(key: string): string {
    parseArtifactKey(key);
    const path = resolve(join(this.root, ...key.split('/')));
    if (!path.startsWith(this.root + sep)) throw new ArtifactRejectedError('bad_key', 'the key leaves the store');
    return path;
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
