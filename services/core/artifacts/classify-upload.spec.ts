import { ArtifactRejectedError } from './artifact.errors';
import { classifyUpload } from './classify-upload';
import { sniffContentType } from './sniff-content-type';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
const gif = Buffer.from('GIF89a\x01\x00', 'latin1');
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
const ftyp = (brand: string) =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`), Buffer.alloc(8)]);
const webm = Buffer.concat([
  Buffer.from('1a45dfa3', 'hex'),
  Buffer.from('\x9f\x42\x86\x81\x01\x42\x82\x84webm', 'latin1'),
]);
const pdf = Buffer.from('%PDF-1.7\n');

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ArtifactRejectedError) return err.reason;
    throw err;
  }
  return 'accepted';
};

describe('sniffing by magic bytes', () => {
  it.each(
    (
      [
        [png, 'image/png'],
        [jpeg, 'image/jpeg'],
        [gif, 'image/gif'],
        [webp, 'image/webp'],
        [ftyp('isom'), 'video/mp4'],
        [ftyp('qt  '), 'video/quicktime'],
        [webm, 'video/webm'],
        [pdf, 'application/pdf'],
        [Buffer.from('héllo, world\n'), 'text/plain'],
      ] as const
    ).map(([bytes, type]) => ({ bytes, type })),
  )('recognises $type', ({ bytes, type }) => expect(sniffContentType(bytes)).toBe(type));

  it('knows nothing of HEIF stills, Matroska, ELF binaries or text with NUL bytes', () => {
    for (const b of [
      ftyp('heic'),
      Buffer.from('1a45dfa3428282886d6174726f736b61', 'hex'),
      Buffer.from('7f454c46', 'hex'),
      Buffer.from('a\0b'),
    ])
      expect(sniffContentType(b)).toBeUndefined();
  });
});

describe('[C-47] classifying an upload', () => {
  it('[C-47] refuses a PNG claimed as a video, and a PNG stored as a video', () => {
    expect(reason(() => classifyUpload('video', png, 'video/mp4'))).toBe('type_mismatch');
    expect(reason(() => classifyUpload('video', png))).toBe('type_mismatch');
  });

  it('[C-47] refuses a text file claimed as a PNG (a renamed file)', () => {
    expect(reason(() => classifyUpload('image', Buffer.from('not a picture'), 'image/png'))).toBe('type_mismatch');
  });

  it('[C-47] refuses bytes of no supported type, and empty content', () => {
    expect(reason(() => classifyUpload('image', Buffer.from('7f454c4602010100', 'hex')))).toBe('unknown_type');
    expect(reason(() => classifyUpload('text', Buffer.alloc(0)))).toBe('unknown_type');
  });

  it('lets a text claim narrow text to CSV or JSON, but JSON must parse', () => {
    expect(classifyUpload('import', Buffer.from('a,b\n1,2\n'), 'text/csv; charset=utf-8')).toBe('text/csv');
    expect(classifyUpload('text', Buffer.from('{"a":1}'), 'application/json')).toBe('application/json');
    expect(reason(() => classifyUpload('text', Buffer.from('{"a":'), 'application/json'))).toBe('type_mismatch');
    expect(classifyUpload('image', jpeg, 'image/jpg')).toBe('image/jpeg');
  });

  it('names the claim in the error without echoing control characters', () => {
    try {
      classifyUpload('image', png, 'image/gif\r\nx-evil: 1');
      throw new Error('accepted');
    } catch (err) {
      expect((err as Error).message).not.toMatch(/[\r\n]/);
    }
  });
});
