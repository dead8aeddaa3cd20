/**
 * Load shedding: at most `maxActive` units of Neo4j work at once, a short queue behind them, and an
 * immediate refusal beyond that. Under a burst far past capacity the server keeps serving what it
 * can instead of letting every request wait into its timeout. Hand-written: p-limit and p-queue
 * queue without bound and cannot refuse.
 */
export class Overloaded extends Error {}

export class Admission {
  private active = 0;
  /**
   * Places open now: `maxActive`, or 1 while Neo4j is recovering (half-open, as a circuit breaker
   * does): the first query after an outage compiles its plan alone on a cold server instead of eight
   * copies of it competing for the same cores; the first success opens every place again.
   */
  private limit: number;
  private readonly waiting: Array<{ grant: () => void; timer: NodeJS.Timeout }> = [];
  /** Requests refused since start (for /metrics). */
  refused = 0;
  /**
   * What brings Neo4j back to full service after an outage (set by the process: wait until it answers,
   * then plan the recent statements); while it runs, a success does not open every place.
   */
  private recovery: (() => Promise<unknown>) | undefined;
  private recovering$: Promise<unknown> | undefined;

  constructor(
    readonly maxActive: number,
    readonly maxQueued: number,
    /** How long a request may wait for a place before it is refused. */
    readonly maxWaitMs: number,
    /**
     * How long it may wait while Neo4j recovers: the work then is planning each statement once on a
     * cold server, which waiting requests share, so refusing them after maxWaitMs only loses answers.
     */
    readonly recoveryWaitMs = maxWaitMs,
  ) {
    this.limit = maxActive;
  }

  /** Sets what runs, once per outage, before every place opens again (see recovering). */
  recoverWith(recovery: () => Promise<unknown>): void {
    this.recovery = recovery;
  }

  /**
   * Neo4j could not be reached: admit one unit of work at a time. With a recovery set, it runs now,
   * and every place opens when it is done (or fails); without one, the first success opens them.
   */
  recovering(): void {
    this.limit = 1;
    if (!this.recovery || this.recovering$) return;
    this.recovering$ = this.recovery()
      .catch(() => undefined)
      .finally(() => {
        this.recovering$ = undefined;
        this.open();
      });
  }

  /** A unit of work succeeded: every place is open again, unless a recovery is still under way. */
  recovered(): void {
    if (this.limit === this.maxActive || this.recovering$) return;
    this.open();
  }

  private open(): void {
    this.limit = this.maxActive;
    while (this.active < this.limit && this.waiting.length) this.waiting.shift()!.grant();
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Whether a new unit of work would be refused now: every place taken and the queue full. */
  get full(): boolean {
    return this.active >= this.limit && this.waiting.length >= this.maxQueued;
  }

  /** Counts a refusal made before any work was asked for (src/app.ts sheds whole requests early). */
  refuse(): void {
    this.refused++;
  }

  /** Runs `work` when a place is free; throws Overloaded when the queue is full or the wait too long. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueued) {
      this.refused++;
      return Promise.reject(new Overloaded(`${this.active} queries running and ${this.waiting.length} waiting`));
    }
    const waitMs = this.limit < this.maxActive ? this.recoveryWaitMs : this.maxWaitMs;
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          this.active++;
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          this.refused++;
          reject(new Overloaded(`no place within ${waitMs} ms`));
        }, waitMs),
      };
      this.waiting.push(entry);
    });
  }

  private leave(): void {
    this.active--;
    if (this.active < this.limit) this.waiting.shift()?.grant();
  }
}
