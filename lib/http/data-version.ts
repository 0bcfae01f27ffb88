// The data version, as the front server knows it. PostgreSQL bumps a counter with every audit event (migration 0004),
// in the transaction that makes the change, so a change saved through any instance changes it. The watcher reads it
// in the background every `intervalMs` (other instances' changes show within about a second) and at once after a
// write through this instance (refresh(), awaited by the next reader, so the saving instance shows a change on the
// very next request). Readers never wait for the database otherwise. If the database cannot be reached, the last
// version read stays in force, so stored pages keep being served through an outage.

export class DataVersionWatcher {
  private known: string | undefined;
  private reading: Promise<string> | undefined;
  /** The read readers must wait for: one that started after the last write through this instance. */
  private due: Promise<string> | undefined;
  private mustRead = true;
  // Reads are numbered so that a slow read started before a write can neither serve the reader after the write nor
  // overwrite the version a later read found.
  private started = 0;
  private accepted = 0;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  constructor(
    private readonly read: () => Promise<string>,
    private readonly options: { intervalMs: number; log: (message: string) => void },
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
  async current(): Promise<string> {
    if (this.due) return this.due;
    if (!this.mustRead && this.known !== undefined) return this.known;
    const due = this.readNow().finally(() => {
      if (this.due === due) this.due = undefined;
    });
    this.due = due;
    return due;
  }

  private readNow(): Promise<string> {
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
        return (this.known ??= "unknown");
      })
      .finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
    this.reading = reading;
    return reading;
  }
}
