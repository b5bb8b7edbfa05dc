/** What the writer keeps in the side effect's resume memory (never the token). */
export const YOUTUBE_RESUME_KEYS = {
  session: 'youtube.uploadSession',
  checksum: 'youtube.videoChecksum',
  videoId: 'youtube.videoId',
  thumbnail: 'youtube.thumbnail',
} as const;
