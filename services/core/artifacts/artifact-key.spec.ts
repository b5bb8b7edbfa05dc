import { ArtifactRejectedError } from './artifact.errors';
import { buildArtifactKey, keyOfClient, parseArtifactKey } from './artifact-key';

const agencyId = '0b7f4c1e-8a0e-4c55-9a43-5a1c6c3f0a01';
const clientId = '6d0b2c3a-1f2e-4d5c-8b9a-0a1b2c3d4e5f';
const otherClient = '7e1c3d4b-2a3f-4e6d-9cab-1b2c3d4e5f60';
const sum = 'ab'.repeat(32);
const key = `${agencyId}/${clientId}/image/${sum}.png`;

describe('[C-47] artifact keys', () => {
  it('builds <agency>/<client>/<kind>/<sha256>.<ext> and parses it back', () => {
    expect(buildArtifactKey({ agencyId, clientId, kind: 'image', checksum: sum, ext: 'png' })).toBe(key);
    expect(parseArtifactKey(key)).toEqual({ agencyId, clientId, kind: 'image', checksum: sum, ext: 'png' });
  });

  it('[C-47] refuses traversal, absolute paths, encodings and anything not built from issued ids', () => {
    const bad = [
      `../${key}`,
      `/${key}`,
      `${agencyId}/${clientId}/image/../../${otherClient}/image/${sum}.png`,
      `${agencyId}/${clientId}/image/%2e%2e%2f${sum}.png`,
      `${agencyId}%2f${clientId}/image/${sum}.png`,
      `${agencyId}/${clientId}/image/${sum}.png/..`,
      `${agencyId}/${clientId}/image/${sum}.PNG`,
      `${agencyId.toUpperCase()}/${clientId}/image/${sum}.png`,
      `${agencyId}/${clientId}/image/holiday-photo.png`,
      `${agencyId}/${clientId}/image/${sum}.html`,
      `${agencyId}/${clientId}/secrets/${sum}.png`,
      `${agencyId}\\${clientId}\\image\\${sum}.png`,
      `${key}\0`,
      '',
    ];
    for (const k of bad) expect(() => parseArtifactKey(k)).toThrow(ArtifactRejectedError);
    expect(() => buildArtifactKey({ agencyId: '../x', clientId, kind: 'image', checksum: sum, ext: 'png' })).toThrow(
      ArtifactRejectedError,
    );
  });

  it("[C-46] refuses a key in another client's tree", () => {
    expect(keyOfClient(key, clientId).clientId).toBe(clientId);
    expect(() => keyOfClient(key, otherClient)).toThrow(/another client/);
  });
});
