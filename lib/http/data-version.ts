// The data version, as the front server knows it. PostgreSQL bumps a counter with every audit event (migration 0004),
// in the transaction that makes the change, so a change saved through any instance changes it. The watcher reads it
// in the background every `intervalMs` (other instances' changes show within about a second) and at once after a
// write through this instance (refresh(), awaited by the next reader, so the saving instance shows a change on the
// very next request). Readers never wait for the database otherwise. If the database cannot be reached, the last
// version read stays in force, so stored pages keep being served through an outage.
// What is read is up to the caller: scripts/serve.ts reads the national version, every scope's version and the
// council slugs in one query (lib/http/public-routes.ts DataVersions), so a reader never waits for two.

import type { DataVersions } from "./public-routes";

/** Something that runs one SQL query: a pg.Pool or pg.Client (kept structural so this file needs no import of pg). */
interface Queryable {
  query<R>(sql: string): Promise<{ rows: R[] }>;
}

/**
 * Every version a stored page can depend on, in one query: the national counter (migration 0004), each scope's
 * (migration 0013) and the council slugs, so /councils/{slug} finds its council's scope. 153 short rows: cheaper
 * than a second round trip, and always in step with the seed.
 */
export async function readDataVersions(database: Queryable): Promise<DataVersions> {
  const { rows } = await database.query<{
    national: string | null;
    scopes: Record<string, string>;
    councils: Record<string, string>;
  }>(
    `SELECT (SELECT value::text FROM data_version WHERE id = 1) AS national,
            (SELECT COALESCE(json_object_agg(scope, value::text), '{}') FROM data_scope_version) AS scopes,
            (SELECT COALESCE(json_object_agg(slug, gss_code), '{}') FROM council) AS councils`,
  );
  const row = rows[0]!;
  return { national: row.national ?? "0", scopes: row.scopes, councils: row.councils };
}

export class DataVersionWatcher<T = string> {
  private known: T | undefined;
  private reading: Promise<T> | undefined;
  /** The read readers must wait for: one that started after the last write through this instance. */
  private due: Promise<T> | undefined;
  private mustRead = true;
  // Reads are numbered so that a slow read started before a write can neither serve the reader after the write nor
  // overwrite the version a later read found.
  private started = 0;
  private accepted = 0;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly options: {
      intervalMs: number;
      log: (message: string) => void;
      /** What to key by if the very first read fails (pages are still served). */
      unreadable: T;
    },
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.readNow(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A write went through this instance: the next current() reads the version again before answering. */
  refresh(): void {
    this.mustRead = true;
    this.reading = undefined;
    this.due = undefined;
  }

  /**
   * The version to key responses by: the last one read, unless a read is due (after a write through this instance,
   * or before the first), which one query serves for all readers until it answers.
   */
  async current(): Promise<T> {
    if (this.due) return this.due;
    if (!this.mustRead && this.known !== undefined) return this.known;
    const due = this.readNow().finally(() => {
      if (this.due === due) this.due = undefined;
    });
    this.due = due;
    return due;
  }

  private readNow(): Promise<T> {
    this.mustRead = false;
    if (this.reading) return this.reading;
    const number = ++this.started;
    const reading = this.read()
      .then((version) => {
        if (this.failing) this.options.log("the data version can be read again");
        this.failing = false;
        if (number > this.accepted) {
          this.accepted = number;
          this.known = version;
        }
        return version;
      })
      .catch((error: unknown) => {
        if (!this.failing)
          this.options.log(
            `cannot read the data version, serving what is stored: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
          );
        this.failing = true;
        return (this.known ??= this.options.unreadable);
      })
      .finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
    this.reading = reading;
    return reading;
  }
}
