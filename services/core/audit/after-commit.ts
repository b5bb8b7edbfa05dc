import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

interface Pending {
  depth: number;
  run: () => Promise<void>;
}

const pending = new WeakMap<QueryRunner, Pending[]>();
const subscribed = new WeakSet<DataSource>();
const depthOf = (qr: QueryRunner) => (qr as unknown as { transactionDepth: number }).transactionDepth;

/** Runs the pending work of a transaction once its outermost COMMIT is through; drops it on rollback. */
const subscriber: EntitySubscriberInterface = {
  async afterTransactionCommit({ queryRunner: qr }) {
    const list = pending.get(qr);
    if (!list) return;
    if (qr.isTransactionActive) {
      // a savepoint was released: its work now belongs to the enclosing level
      for (const p of list) p.depth = Math.min(p.depth, depthOf(qr));
      return;
    }
    pending.delete(qr);
    for (const p of list) await p.run();
  },
  afterTransactionRollback({ queryRunner: qr }) {
    const list = pending.get(qr);
    if (!list) return;
    if (!qr.isTransactionActive) pending.delete(qr);
    else
      pending.set(
        qr,
        list.filter((p) => p.depth <= depthOf(qr)),
      );
  },
};

/**
 * Runs `run` after the transaction `m` belongs to has committed (at once when `m` is in none), so what it
 * records outside the database (an audit checkpoint) never names rows that a rollback took away.
 */
export async function afterCommit(m: EntityManager, run: () => Promise<void>): Promise<void> {
  const qr = m.queryRunner;
  if (!qr?.isTransactionActive) return run();
  if (!subscribed.has(qr.connection)) {
    qr.connection.subscribers.push(subscriber);
    subscribed.add(qr.connection);
  }
  const list = pending.get(qr) ?? [];
  list.push({ depth: depthOf(qr), run });
  pending.set(qr, list);
}
