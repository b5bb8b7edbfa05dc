import type { TestStack } from '../harness/stack';

export { renderJpeg, renderMp4 } from '../../deploy/local/stack/render-media';

/** Uploads media to the artifact store as an operator (POST /artifacts/upload); answers its key. */
export async function uploadMedia(
  stack: TestStack,
  actorId: string,
  clientId: string,
  kind: 'image' | 'video',
  bytes: Buffer,
  contentType: string,
): Promise<string> {
  const res = await fetch(`${stack.apiUrl}/artifacts/upload?clientId=${clientId}&kind=${kind}`, {
    method: 'POST',
    headers: {
      authorization: `Dev ${actorId}`,
      'content-type': 'application/octet-stream',
      'x-artifact-content-type': contentType,
    },
    body: bytes,
  });
  const body = (await res.json()) as { key?: string };
  if (res.status !== 201 || !body.key) throw new Error(`upload refused: ${res.status} ${JSON.stringify(body)}`);
  return body.key;
}

/** An asset with text and one uploaded media file; answers what scheduling and approving need. */
export async function createMediaAsset(
  stack: TestStack,
  actorId: string,
  clientId: string,
  text: string,
  mediaKey: string,
): Promise<{ id: string; checksum: string }> {
  const r = await stack.gql<{ createAsset: { id: string; checksum: string } }>(
    actorId,
    'mutation($i: CreateAssetInput!) { createAsset(input: $i) { id checksum } }',
    { i: { clientId, text, mediaKey } },
  );
  if (!r.data) throw new Error(`createAsset: ${JSON.stringify(r.errors)}`);
  return r.data.createAsset;
}
