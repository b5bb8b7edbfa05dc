import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unroutable inbound events are routed once their account connects (issue #13). The drainer marks an event whose
 * (source, external account id) matches no connected account `unroutable` and never looks at it again; when an
 * operator then connects (or reconnects) that account, the API calls `raize_inbound_reroute` after the connect
 * commits, and the account's unroutable events of the look-back window go back to `stored`, tenant still unset, so
 * the drainer routes them exactly as it routes a fresh event. The app role can neither read nor update rows without a
 * tenant, so this is a security-definer function answering for one connected account in the caller's scope only; it
 * matches that account's (platform, external id) and nothing else, and returns a count, never a row.
 */
export class InboundReroute1766000000000 implements MigrationInterface {
  name = 'InboundReroute1766000000000';

  async up(q: QueryRunner): Promise<void> {
    // One account's unroutable events by age, so a connect does not scan every event ever received. Partial: stored
    // and drained rows (nearly all of them) never enter it, and the ingest's insert path does not pay for it.
    await q.query(`
      CREATE INDEX inbound_events_unroutable ON inbound_events (source, external_account_id, received_at)
      WHERE status = 'unroutable'`);
    // Two statements, each with its own snapshot (a volatile function under READ COMMITTED), because of one race: a
    // drainer whose claim began before the connect committed may still hold a row it is about to mark unroutable. The
    // first statement waits for such claims (FOR UPDATE without SKIP LOCKED; its own locks make later drainers skip
    // these rows until the function's transaction ends), and the second then sees their outcome. An UPDATE alone would
    // see the row as still `stored` in its snapshot and pass over it for good.
    await q.query(`
      CREATE FUNCTION raize_inbound_reroute(account uuid, max_age_seconds int) RETURNS integer
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        acc record;
        n integer;
      BEGIN
        IF max_age_seconds IS NULL OR max_age_seconds <= 0 THEN RETURN 0; END IF;
        SELECT pa.platform, pa.external_account_id INTO acc FROM platform_accounts pa
         WHERE pa.id = account AND pa.status = 'connected'
           AND (pa.client_id = ANY (raize_clients()) OR pa.agency_id = ANY (raize_agencies()));
        -- Another tenant's account answers like a missing one: nothing re-queued, no error.
        IF NOT FOUND THEN RETURN 0; END IF;
        PERFORM 1 FROM inbound_events e
         WHERE e.status = 'stored' AND e.platform_account_id IS NULL
           AND e.source = acc.platform AND e.external_account_id = acc.external_account_id
         FOR UPDATE;
        UPDATE inbound_events e SET status = 'stored', agency_id = NULL, client_id = NULL, platform_account_id = NULL
         WHERE e.status = 'unroutable'
           AND e.source = acc.platform AND e.external_account_id = acc.external_account_id
           AND e.received_at >= now() - make_interval(secs => max_age_seconds);
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN n;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION raize_inbound_reroute(uuid, int) FROM PUBLIC`);
    // The API's connect flow runs as the app role; the ingest's role has no say in which accounts are connected.
    await q.query(`GRANT EXECUTE ON FUNCTION raize_inbound_reroute(uuid, int) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_inbound_reroute(uuid, int)`);
    await q.query(`DROP INDEX IF EXISTS inbound_events_unroutable`);
  }
}
