import type { ArtifactKind } from './artifact-store.port';

/** Every type the store accepts, with the extension its keys carry. */
export const CONTENT_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/json': 'json',
} as const;
export type ArtifactContentType = keyof typeof CONTENT_TYPES;
export type ArtifactExtension = (typeof CONTENT_TYPES)[ArtifactContentType];
export const ARTIFACT_EXTENSIONS = [...new Set(Object.values(CONTENT_TYPES))] as ArtifactExtension[];

export const TEXT_TYPES: readonly ArtifactContentType[] = ['text/plain', 'text/csv', 'application/json'];
const IMAGE_TYPES: readonly ArtifactContentType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const VIDEO_TYPES: readonly ArtifactContentType[] = ['video/mp4', 'video/quicktime', 'video/webm'];

/** What each kind may hold: a PNG is never stored as a video, a CSV never as an image (C-47). */
export const KIND_TYPES: Record<ArtifactKind, readonly ArtifactContentType[]> = {
  image: IMAGE_TYPES,
  video: VIDEO_TYPES,
  text: TEXT_TYPES,
  import: TEXT_TYPES,
  'provider-output': [...IMAGE_TYPES, ...VIDEO_TYPES, ...TEXT_TYPES],
  proof: [...TEXT_TYPES, 'image/png', 'image/jpeg', 'application/pdf'],
  // a client report's PDF (services/core/reports), rendered by Raize itself
  report: ['application/pdf'],
};

// Names other software sends for the same types; anything else is taken literally and must match exactly.
const ALIASES: Record<string, ArtifactContentType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'video/mov': 'video/quicktime',
  'text/json': 'application/json',
  'application/csv': 'text/csv',
  'text/comma-separated-values': 'text/csv',
};

/** The claimed type without parameters, in lower case, with well-known aliases folded in. */
export function normaliseClaimedType(claimed: string): string {
  const bare = claimed.split(';')[0].trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

export function isArtifactContentType(t: string): t is ArtifactContentType {
  return Object.prototype.hasOwnProperty.call(CONTENT_TYPES, t);
}
