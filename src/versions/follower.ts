/**
 * Each API process follows the change log in Neo4j: it polls the data version (one indexed read
 * every VERSION_POLL_MS) and, when change sets have committed and someone subscribes, reads them once
 * and hands them to every local subscriber in seq order. Nothing travels between API processes: two
 * of them behind a load balancer each follow the same log, so a subscriber on either gets every
 * change set, and neither holds state the other lacks. (Neo4j Community has no change data capture;
 * the change log is the project's own.)
 *
 * A write through this process calls `committed(seq)`, so its own answers and ETags move at once;
 * writes through another process are seen within one poll, or at once by a request that sends the
 * version it wants to read (`x-data-version`, see http.ts).
 */
import type { Executor } from '../graph/executor.js';
import { dataVersion, feedSince, type DataVersion, type FeedEvent } from '../graph/changes/feed.js';

/** Change sets read per round trip while delivering to subscribers. */
export const FEED_PAGE = 50;
/** The last change sets delivered, kept so that subscribers resuming after them need no log read. */
export const RECENT_EVENTS = 256;
/** …and at most this many facts touched by them in all (an import touches thousands). */
export const RECENT_TOUCHED = 100_000;

export type FeedListener = (event: FeedEvent) => void;

export class ChangeFollower {
  private current: DataVersion = { seq: -1, committedAt: null };
  /** The newest seq handed to listeners. */
  private delivered = -1;
  /** The change sets last handed to listeners, consecutive, oldest first (at most RECENT_EVENTS). */
  private recent: FeedEvent[] = [];
  private recentTouched = 0;
  private readonly listeners = new Set<FeedListener>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private again = false;
  private readonly waiters = new Set<{ seq: number; done: () => void }>();
  /** When Neo4j last told this process the version (or this process committed). */
  private confirmedAt = 0;
  /** When this process last committed: a poll that started before it may have read an older seq. */
  private committedLocallyAt = 0;

  constructor(
    private readonly executor: Executor,
    private readonly pollMs: number,
  ) {}

  /** The version this process serves: what its last poll (or its own last write) saw. */
  get version(): DataVersion {
    return this.current;
  }

  /**
   * Whether the version is known now: confirmed by Neo4j within the last few polls. While Neo4j cannot
   * be reached it is not, and nothing is answered from the response cache (requests meet the outage
   * and get its coded 503, as without the cache).
   */
  get confirmed(): boolean {
    return Date.now() - this.confirmedAt < Math.max(1_000, 5 * this.pollMs);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const waiter of this.waiters) waiter.done();
    this.waiters.clear();
  }

  /**
   * Listens to every change set committed from now on, in seq order; returns the way to stop and the
   * change sets after `since` that this process already delivered and still keeps, when it keeps all
   * of them (null: read them from the log). A thousand clients resubscribing after a restart of theirs
   * then cost no Neo4j read at all.
   */
  listen(listener: FeedListener, since: number): { unlisten: () => void; kept: FeedEvent[] | null } {
    this.listeners.add(listener);
    const unlisten = () => void this.listeners.delete(listener);
    if (this.delivered < 0) return { unlisten, kept: null };
    if (since >= this.delivered) return { unlisten, kept: [] };
    const oldest = this.recent[0]?.seq;
    if (oldest === undefined || oldest > since + 1) return { unlisten, kept: null };
    return { unlisten, kept: this.recent.filter((e) => e.seq > since) };
  }

  /** This process committed `seq`: serve it now and deliver it without waiting for the next poll. */
  committed(seq: number): void {
    if (seq > this.current.seq) this.current = { seq, committedAt: new Date().toISOString() };
    this.confirmedAt = this.committedLocallyAt = Date.now();
    void this.poll();
  }

  /**
   * Resolves once this process has seen change set `seq` (a client read after its own write through
   * another process), or after `timeoutMs`; polls at once rather than waiting for the timer.
   */
  async atLeast(seq: number, timeoutMs: number): Promise<void> {
    if (this.current.seq >= seq) return;
    await this.poll();
    if (this.current.seq >= seq) return;
    await new Promise<void>((resolve) => {
      const waiter = { seq, done: () => (clearTimeout(timer), this.waiters.delete(waiter), resolve()) };
      const timer = setTimeout(waiter.done, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** One poll at a time; a poll asked for while one runs runs once more after it. */
  poll(): Promise<void> {
    if (this.polling) {
      this.again = true;
      return this.polling;
    }
    this.polling = (async () => {
      do {
        this.again = false;
        await this.pollOnce().catch(() => undefined);
      } while (this.again);
    })().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    // One per poll (its round-trip log is dropped with it), outside the admission control: the poll
    // is one small read at a time, and must not be shed as if it were a client's.
    const executor = this.executor.background('version-follower');
    const started = Date.now();
    const seen = await dataVersion(executor);
    this.confirmedAt = Date.now();
    if (seen.seq > this.current.seq || (seen.seq === this.current.seq && seen.committedAt && !this.current.committedAt)) this.current = seen;
    // A lower seq: a database reset (follow it), unless this poll read before a commit of this process
    // (going back then would serve answers older than that write).
    else if (seen.seq < this.current.seq && started > this.committedLocallyAt) this.current = seen;
    for (const waiter of this.waiters) if (this.current.seq >= waiter.seq) waiter.done();
    if (this.delivered < 0 || !this.listeners.size || this.current.seq < this.delivered) {
      // Nobody listens (or the first poll): subscribers catch up from the log themselves.
      this.delivered = this.current.seq;
      this.recent = [];
      this.recentTouched = 0;
      return;
    }
    while (this.delivered < this.current.seq) {
      const page = await feedSince(executor, this.delivered, FEED_PAGE);
      if (!page.length) break;
      for (const event of page) {
        this.delivered = event.seq;
        this.recent.push(event);
        this.recentTouched += event.targets.size;
        while (this.recent.length > RECENT_EVENTS || (this.recentTouched > RECENT_TOUCHED && this.recent.length > 1)) this.recentTouched -= this.recent.shift()!.targets.size;
        for (const listener of this.listeners) listener(event);
      }
    }
  }
}
