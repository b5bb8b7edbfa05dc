import type { EntityManager } from 'typeorm';
import type { BrowserProfileOperatorModel } from './models/browser-profile.model';

/**
 * Display names of the client's operators (raize_client_operators: the client's own and its agency's, under the
 * caller's tenant scope), to name who requested, approved or enabled something. Names only, never emails.
 */
export class OperatorNamesRepository {
  async of(m: EntityManager, clientId: string): Promise<(id: string | null) => BrowserProfileOperatorModel | null> {
    const rows: { user_id: string; display_name: string }[] = await m.query(
      'SELECT DISTINCT user_id, display_name FROM raize_client_operators($1)',
      [clientId],
    );
    const names = new Map(rows.map((r) => [r.user_id, r.display_name]));
    return (id) => (id ? { id, displayName: names.get(id) ?? null } : null);
  }
}
