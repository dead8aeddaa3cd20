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

  constructor(
    readonly maxActive: number,
    readonly maxQueued: number,
    /** How long a request may wait for a place before it is refused. */
    readonly maxWaitMs: number,
  ) {
    this.limit = maxActive;
  }

  /** Neo4j could not be reached: admit one unit of work at a time until one succeeds. */
  recovering(): void {
    this.limit = 1;
  }

  /** A unit of work succeeded: every place is open again. */
  recovered(): void {
    if (this.limit === this.maxActive) return;
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
          reject(new Overloaded(`no place within ${this.maxWaitMs} ms`));
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private leave(): void {
    this.active--;
    if (this.active < this.limit) this.waiting.shift()?.grant();
  }
}
