// Account creation and the public view of an account.
import { HttpError } from './http-utils';
import { hashPassword, randomId, randomToken, verifyPassword } from './secrets';
import type { SandboxDeps } from './deps';
import type { StoredUser } from './store';
import type { SandboxUser } from './sandbox.types';

/** What anyone may see of an account: never the contact details, challenge or credentials. */
export function publicUser(user: StoredUser): SandboxUser {
  return { id: user.id, username: user.username, handle: user.handle, displayName: user.displayName };
}

export async function createUser(
  deps: SandboxDeps,
  input: { username: string; password: string; displayName?: string; email?: string; phone?: string },
): Promise<SandboxUser> {
  const passwordHash = await hashPassword(input.password);
  // Check after the (async) hash so the check and the insert are atomic.
  if (deps.store.findUserByUsername(input.username)) {
    throw new HttpError(409, 'username_taken', `Username ${input.username} is already taken`);
  }
  const user: StoredUser = {
    id: randomId('sbx_u_'),
    username: input.username,
    handle: `@${input.username}`,
    displayName: input.displayName ?? input.username,
    email: input.email ?? null,
    phone: input.phone ?? null,
    passwordHash,
    createdAt: deps.store.nowIso(),
  };
  deps.store.mutate((state) => {
    state.users.push(user);
  });
  return publicUser(user);
}

// A fixed hash so that unknown usernames cost as much as wrong passwords.
let dummyHash: Promise<string> | undefined;

export async function checkCredentials(
  deps: SandboxDeps,
  username: string,
  password: string,
): Promise<StoredUser | undefined> {
  const user = username ? deps.store.findUserByUsername(username) : undefined;
  if (!user) {
    dummyHash ??= hashPassword(randomToken());
    await verifyPassword(password, await dummyHash);
    return undefined;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : undefined;
}
