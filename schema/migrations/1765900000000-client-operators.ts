import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may be given a conversation: the app role reads only its own `users` row, so the names of a client's operators
 * come from one security-definer function that answers for a client in the caller's scope only, and only ids, display
 * names and roles (never an email or anything of sign-in).
 */
export class ClientOperators1765900000000 implements MigrationInterface {
  name = 'ClientOperators1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION raize_client_operators(c uuid) RETURNS TABLE (user_id uuid, display_name text, role text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT u.id, u.display_name, m.role
          FROM clients cl
          JOIN memberships m ON m.agency_id = cl.agency_id AND (m.client_id = cl.id OR m.client_id IS NULL)
          JOIN users u ON u.id = m.user_id
         WHERE cl.id = c AND NOT u.disabled
           AND (cl.id = ANY (raize_clients()) OR cl.agency_id = ANY (raize_agencies()))
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION raize_client_operators(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_client_operators(uuid) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_client_operators(uuid)`);
  }
}
