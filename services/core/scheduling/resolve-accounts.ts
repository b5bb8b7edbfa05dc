import { isPlatformId } from '../../../workflows/contracts/vocabulary/platform-id';
import { splitList } from './import-columns';
import { rowError, type ImportRowError } from './import-row-errors';

/** A platform account of the importing client, as the planner sees it. */
export interface ImportAccount {
  id: string;
  platform: string;
  handle: string;
  status: string;
  /** `platform:@handle`, for messages */
  label: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const norm = (h: string) => h.replace(/^@/, '').toLowerCase();

/**
 * The accounts column: tokens separated by spaces or `|`, each an account id, `platform:handle`, a handle
 * (`@brand` or `brand`, when only one platform has it) or a platform id alone (every account of that platform).
 * Only the client's own accounts are candidates, so a token naming another tenant's account is simply unknown.
 */
export function resolveAccounts(
  cell: string,
  accounts: readonly ImportAccount[],
  platformAllowed: (platform: string) => boolean,
): { accounts: ImportAccount[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const found = new Map<string, ImportAccount>();
  const tokens = splitList(cell);
  if (!tokens.length) errors.push(rowError('unknown_account', 'no account given', 'accounts'));
  for (const token of tokens) {
    const shown = token.slice(0, 80);
    let matches: ImportAccount[];
    if (UUID.test(token)) matches = accounts.filter((a) => a.id === token.toLowerCase());
    else if (token.includes(':')) {
      const [platform, handle] = [token.slice(0, token.indexOf(':')), token.slice(token.indexOf(':') + 1)];
      matches = accounts.filter((a) => a.platform === platform.toLowerCase() && norm(a.handle) === norm(handle));
    } else {
      matches = accounts.filter((a) => norm(a.handle) === norm(token));
      if (!matches.length && isPlatformId(token.toLowerCase()))
        matches = accounts.filter((a) => a.platform === token.toLowerCase());
    }
    if (!matches.length) {
      errors.push(rowError('unknown_account', `no account of this client matches "${shown}"`, 'accounts'));
      continue;
    }
    if (matches.length > 1 && new Set(matches.map((a) => a.platform)).size > 1 && !isPlatformId(token.toLowerCase())) {
      errors.push(rowError('unknown_account', `"${shown}" is on several platforms; write platform:handle`, 'accounts'));
      continue;
    }
    for (const a of matches) found.set(a.id, a);
  }
  for (const a of found.values()) {
    if (a.status !== 'connected')
      errors.push(rowError('account_not_connected', `${a.label} is ${a.status}; reconnect it first`, 'accounts'));
    if (!platformAllowed(a.platform))
      errors.push(rowError('platform_disabled', `${a.platform} is off for this client (policy default)`, 'accounts'));
  }
  return { accounts: [...found.values()], errors };
}
