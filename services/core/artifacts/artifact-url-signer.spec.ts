import { ArtifactRejectedError } from './artifact.errors';
import { ArtifactUrlSigner, ARTIFACT_URL_KEY_SECRET } from './artifact-url-signer';
import type { SecretsPort } from '../secrets/secrets.port';
import { SecretNotFoundError } from '../secrets/secrets.port';

const agencyId = '0b7f4c1e-8a0e-4c55-9a43-5a1c6c3f0a01';
const clientA = '6d0b2c3a-1f2e-4d5c-8b9a-0a1b2c3d4e5f';
const clientB = '7e1c3d4b-2a3f-4e6d-9cab-1b2c3d4e5f60';
const key = `${agencyId}/${clientA}/image/${'cd'.repeat(32)}.png`;

function memorySecrets(): SecretsPort & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    backend: 'keyring',
    values,
    put: async (k, v) => void values.set(k, v),
    get: async (k) => {
      const v = values.get(k);
      if (v === undefined) throw new SecretNotFoundError(k);
      return v;
    },
    delete: async (k) => void values.delete(k),
  };
}

const reason = async (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err: unknown) => (err instanceof ArtifactRejectedError ? err.reason : String(err)),
  );

describe('[C-46] signed artifact links', () => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const clock = () => now;

  it('[C-46] verifies before the expiry and refuses after it', async () => {
    const signer = new ArtifactUrlSigner(memorySecrets(), 'development', clock);
    const token = await signer.sign(key, clientA, 5);
    expect(await signer.verify(token)).toMatchObject({ key, clientId: clientA });
    now += 5_000;
    expect(await reason(signer.verify(token))).toBe('expired');
  });

  it("[C-46] refuses a token turned into another client's, a later expiry or a flipped signature bit", async () => {
    const signer = new ArtifactUrlSigner(memorySecrets(), 'development', clock);
    const token = await signer.sign(key, clientA, 60);
    const [payload, sig] = token.split('.');
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forge = (patch: Record<string, unknown>) =>
      `${Buffer.from(JSON.stringify({ ...body, ...patch })).toString('base64url')}.${sig}`;
    expect(await reason(signer.verify(forge({ c: clientB })))).toBe('bad_signature');
    expect(await reason(signer.verify(forge({ e: (body.e as number) + 3600 })))).toBe('bad_signature');
    const flipped = Buffer.from(sig, 'base64url');
    flipped[0] ^= 1;
    expect(await reason(signer.verify(`${payload}.${flipped.toString('base64url')}`))).toBe('bad_signature');
    for (const junk of ['', '../etc/passwd', '%2e%2e%2f', `${payload}`, `${payload}.${sig}.x`, `/${token}`])
      expect(await reason(signer.verify(junk))).toBe('bad_signature');
  });

  it('[C-46] a token signed by another installation (another key) is refused', async () => {
    const token = await new ArtifactUrlSigner(memorySecrets(), 'development', clock).sign(key, clientA, 60);
    expect(await reason(new ArtifactUrlSigner(memorySecrets(), 'development', clock).verify(token))).toBe(
      'bad_signature',
    );
  });

  it('[C-15] creates the signing key in development; production refuses to run without one', async () => {
    const dev = memorySecrets();
    await new ArtifactUrlSigner(dev, 'development').ready();
    expect(dev.values.has(ARTIFACT_URL_KEY_SECRET)).toBe(true);
    const prod = memorySecrets();
    await expect(new ArtifactUrlSigner(prod, 'production').ready()).rejects.toThrow(/provision one/);
    expect(prod.values.size).toBe(0);
    await expect(new ArtifactUrlSigner(dev, 'production').ready()).resolves.toBeUndefined();
  });
});
