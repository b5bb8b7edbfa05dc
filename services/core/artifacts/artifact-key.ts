import type { ArtifactKind } from './artifact-store.port';
import { ARTIFACT_KINDS } from './artifact-store.port';
import { ArtifactRejectedError } from './artifact.errors';
import type { ArtifactExtension } from './content-types';
import { ARTIFACT_EXTENSIONS } from './content-types';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_ONLY = new RegExp(`^${UUID}$`);
// The whole grammar of a key, anchored: nothing else (no `..`, no `/` at the start, no `%`, no upper case, no user
// file name) can ever reach a path join or an object name (C-47).
const KEY = new RegExp(
  `^(${UUID})/(${UUID})/(${ARTIFACT_KINDS.join('|')})/([0-9a-f]{64})\\.(${ARTIFACT_EXTENSIONS.join('|')})$`,
);

export interface ParsedArtifactKey {
  agencyId: string;
  clientId: string;
  kind: ArtifactKind;
  checksum: string;
  ext: ArtifactExtension;
}

/** `<agencyId>/<clientId>/<kind>/<sha256>.<ext>` from ids Raize issued; anything else is refused. */
export function buildArtifactKey(k: ParsedArtifactKey): string {
  for (const [name, id] of [
    ['agencyId', k.agencyId],
    ['clientId', k.clientId],
  ] as const) {
    if (!UUID_ONLY.test(id)) throw new ArtifactRejectedError('bad_key', `${name} must be a lower-case uuid`);
  }
  const key = `${k.agencyId}/${k.clientId}/${k.kind}/${k.checksum}.${k.ext}`;
  parseArtifactKey(key);
  return key;
}

export function parseArtifactKey(key: string): ParsedArtifactKey {
  const m = typeof key === 'string' && key.length <= 200 ? KEY.exec(key) : null;
  if (!m) throw new ArtifactRejectedError('bad_key', 'not an artifact key Raize issued');
  return {
    agencyId: m[1],
    clientId: m[2],
    kind: m[3] as ArtifactKind,
    checksum: m[4],
    ext: m[5] as ArtifactExtension,
  };
}

/**
 * The key, refused unless it lies in `clientId`'s tree (C-46). Asked before any lookup, so a guessed key of another
 * client is refused without touching the database or the backend.
 */
export function keyOfClient(key: string, clientId: string): ParsedArtifactKey {
  const parsed = parseArtifactKey(key);
  if (parsed.clientId !== clientId)
    throw new ArtifactRejectedError('bad_key', 'the artifact key belongs to another client');
  return parsed;
}
