import pg from "pg";

// A connection pool that Prisma cannot drain by accident. Prisma 6's driver adapter (client engine, @prisma/adapter-pg)
// takes a connection from the pool for each interactive transaction and gives it back in two ways that can go wrong:
//
//  1. The connection dies inside the transaction (database restart, failover, network cut, a terminated session).
//     Prisma then sends ROLLBACK, which fails on the dead connection, and never gives the connection back: the pool
//     loses a slot for good. After `max` such losses every query waits for ever, until the app is restarted.
//     tests/integration/interrupted-saves.test.ts shows it, and shows this pool recovering.
//  2. A transaction's `maxWait` runs out while its BEGIN is in flight: Prisma gives the connection back with the
//     transaction still open, and the next user of the connection runs inside it (prisma/orm#29719).
//
// So every connection this pool lends out for a transaction is guarded: if it ends while lent, it is returned (and
// discarded) at once; a second return is ignored; and a connection returned in the middle of a transaction is
// discarded rather than reused. Plain queries (pool.query) already return their connection themselves.

type Callback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

function guard(client: pg.PoolClient): pg.PoolClient {
  const giveBack = client.release;
  let returned = false;
  const onEnd = () => release(new Error("The database connection ended while it was in use."));
  const release = (error?: Error | boolean) => {
    if (returned) return;
    returned = true;
    client.removeListener("end", onEnd);
    // "T": inside a transaction; "E": inside a failed transaction (pg 8.19+).
    const status = (client as unknown as { getTransactionStatus?: () => string | null }).getTransactionStatus?.();
    if (!error && (status === "T" || status === "E"))
      error = new Error("The connection was returned inside a transaction.");
    giveBack(error);
  };
  client.once("end", onEnd);
  client.release = release;
  return client;
}

export class GuardedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: Callback): void;
  override connect(callback?: Callback): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    return super.connect().then(guard);
  }

  /** Connections lent out right now (for tests and diagnostics). */
  get inUseCount(): number {
    return this.totalCount - this.idleCount;
  }
}
