import { readCredential } from '../../../../services/core/connectors/linkedin/linkedin-author';
import { createLinkedInReader } from '../../../../services/core/connectors/linkedin/linkedin.reader';
import { linkedinPlatform } from '../../../../services/core/connectors/linkedin/linkedin.platform';
import type { ConnectorCredential, PlatformSettings } from '../../../../services/core/connectors/connector.types';
import type { LinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { startLinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { collect, memberCred, pageCred, pageSettings } from './linkedin-test-kit';

let emu: LinkedInEmulator;
let settings: PlatformSettings;
let ada: string;
let grace: string;
let cred: ConnectorCredential;

beforeEach(async () => {
  emu = await startLinkedInEmulator();
  settings = emu.settings();
  [ada, grace] = emu.members().map((m) => m.urn) as [string, string];
  cred = memberCred(emu, ada);
});
afterEach(() => emu.close());

const reader = (s: PlatformSettings = settings) => linkedinPlatform.createReader(s);

describe('LinkedIn reader against the emulator', () => {
  it('[C-19] identity is the author URN; a token that now resolves to another member reports that member', async () => {
    expect(await reader().identity(cred)).toEqual({
      externalAccountId: ada,
      handle: 'Ada Lovelace',
      displayName: 'Ada Lovelace',
    });
    emu.tokens.repoint(cred.accessToken, grace);
    expect((await reader().identity(cred)).externalAccountId).toBe(grace);
  });

  it('[C-19] a Page connection is the Page while its member may post as it, and the member once that is gone', async () => {
    const acme = emu.organizations()[0]!;
    const page = pageCred(emu, ada, acme.id);
    expect((await reader(pageSettings(emu)).identity(page)).externalAccountId).toBe(acme.urn);
    // Another administrator of the same Page holds the token now: posts would still be the Page's.
    const third = emu.members()[1]!.urn;
    emu.grantRole(third, acme.urn, 'ADMINISTRATOR');
    emu.tokens.repoint(readCredential(page).token, third);
    expect((await reader(pageSettings(emu)).identity(page)).externalAccountId).toBe(acme.urn);
    // The token's member lost the role: the token can act only as the member, and the fingerprint will see it.
    emu.revokeRoles(third, acme.urn);
    expect((await reader(pageSettings(emu)).identity(page)).externalAccountId).toBe(third);
    expect((await reader(pageSettings(emu)).standing(page)).missing).toContain(
      'the ADMINISTRATOR or CONTENT_ADMINISTRATOR role on the LinkedIn Page this account posts as',
    );
  });

  it('ownPostsSince pages back newest first to since, past the first page, the author’s posts only', async () => {
    const t0 = Date.now() - 3 * 3600_000;
    for (let i = 0; i < 3; i++) emu.seedPost(ada, `old ${i}`, new Date(t0 + i * 1000));
    const since = new Date(t0 + 3600_000);
    for (let i = 0; i < 130; i++)
      emu.seedPost(ada, `new \\(${i}\\) #tag${i}`, new Date(since.getTime() + (i + 1) * 1000));
    emu.seedPost(grace, 'not mine', new Date(since.getTime() + 5000));
    let pages = 0;
    const found = await collect(reader().ownPostsSince(cred, since, { onProgress: () => pages++ }));
    expect(found.map((p) => p.text)).toEqual(Array.from({ length: 130 }, (_, i) => `new (${129 - i}) #tag${129 - i}`));
    expect(found.every((p) => p.authorExternalId === ada && p.requestKey === null)).toBe(true);
    expect(pages).toBe(2);
    const asked = emu.server.requests.filter((r) => r.path === '/rest/posts' && r.method === 'GET');
    expect(
      asked.map((r) => [r.query.get('q'), r.query.get('author'), r.query.get('sortBy'), r.query.get('start')]),
    ).toEqual([
      ['author', ada, 'CREATED', '0'],
      ['author', ada, 'CREATED', '100'],
    ]);
    expect(await collect(reader().ownPostsSince(cred, new Date(t0)))).toHaveLength(133);
  });

  it('readPost: a missing post is null; a post of another member is refused, not shown', async () => {
    expect(await reader().readPost(cred, 'urn:li:share:7000000000000000001')).toBeNull();
    const theirs = emu.seedPost(grace, 'private to grace');
    await expect(reader().readPost(cred, theirs.id)).rejects.toMatchObject({
      kind: 'permanent',
      details: { health: 'missing_permissions' },
    });
  });

  it('standing: the token’s scopes by introspection, what is missing, and a version close to its sunset', async () => {
    expect(await reader().standing(cred)).toEqual({
      quotas: [],
      restrictions: [],
      missing: [],
      scopes: ['openid', 'profile', 'w_member_social', 'r_member_social'],
    });
    const publishOnly = memberCred(emu, ada, ['openid', 'profile', 'w_member_social']);
    expect((await reader().standing(publishOnly)).missing).toEqual(['the r_member_social permission']);
    const old = createLinkedInReader(settings, {
      version: '202601',
      sunsetsAt: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
      source: 'test',
    });
    expect((await old.standing(cred)).restrictions).toEqual([
      expect.objectContaining({ code: 'api_version_sunset' }) as unknown,
    ]);
  });
});
