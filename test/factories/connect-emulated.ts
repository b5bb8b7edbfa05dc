import type { PlatformEmulator } from '../../services/emulators/platforms/kit/platform-emulator';
import type { TestStack } from '../harness/stack';
import type { ConnectCaller } from './connect-account';
import { CONFIRM_CONNECT, connectGql, openCallback, startConnect } from './connect-account';

export interface EmulatedConnection {
  accountId: string;
  handle: string;
  externalAccountId: string;
}

/**
 * Connects an account of a platform emulator as an operator would: GraphQL start (binding cookie) → the platform's
 * consent dialog → "Continue as <account>" → the redirect to the API's callback in the same browser → confirm.
 */
export async function connectEmulatedAccount(
  stack: TestStack,
  caller: ConnectCaller,
  clientId: string,
  emulator: PlatformEmulator,
  emulatedAccountId: string = emulator.accounts()[0]!.id,
): Promise<EmulatedConnection> {
  const started = await startConnect(stack, caller, clientId, emulator.platform);
  const dialog = await fetch(started.authorizeUrl);
  const page = await dialog.text();
  if (dialog.status !== 200) throw new Error(`the consent dialog answered ${dialog.status}: ${page.slice(0, 200)}`);
  const answer = await fetch(started.authorizeUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account: emulatedAccountId }).toString(),
  });
  await answer.arrayBuffer();
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`the consent dialog did not redirect (${answer.status})`);
  const callback = await openCallback(location, started.callbackCookie);
  if (callback.status !== 200) throw new Error(`callback failed (${callback.status}): ${callback.html.slice(0, 300)}`);
  const { body } = await connectGql<{
    confirmPlatformConnect: { id: string; handle: string; externalAccountId: string };
  }>(stack, caller, CONFIRM_CONNECT, { i: { attemptId: started.attemptId } });
  if (!body.data) throw new Error(`confirmPlatformConnect failed: ${JSON.stringify(body.errors)}`);
  const c = body.data.confirmPlatformConnect;
  return { accountId: c.id, handle: c.handle, externalAccountId: c.externalAccountId };
}

/**
 * The emulators seed the same few external accounts in every test file, and an external account belongs to one
 * agency (C-12): a file that connected some lets them go when it ends, as an agency disconnecting them would.
 */
export async function releaseEmulatedAccounts(stack: TestStack, clientIds: string[]): Promise<void> {
  if (!clientIds.length) return;
  await stack.ds.query(
    `UPDATE platform_accounts SET status = 'disconnected', updated_at = now() WHERE platform <> 'sandbox' AND client_id = ANY($1)`,
    [clientIds],
  );
}
