/**
 * One subscription to the change log: catch up from the log after `since`, then follow live events,
 * each change set delivered once and in seq order. A disconnected client resumes by subscribing again
 * with the last seq it received. The events waiting for a slow client are capped: past the cap the
 * subscription ends with SLOW_CONSUMER (the socket is closed with that reason), so a client that does
 * not read can never grow the server's memory.
 */
import { GraphQLError } from 'graphql';
import type { Executor } from '../graph/executor.js';
import { feedSince, type FeedEvent } from '../graph/changes/feed.js';
import type { ChangeSetView } from '../graph/changes/history.js';
import { FEED_PAGE, type ChangeFollower } from './follower.js';

export interface ChangeFilter {
  since: number;
  /** Only change sets that changed one of these kinds (entity kinds or relationship types). */
  kinds: string[] | null;
  /** Only change sets that changed one of these entities (or a relationship at either end) or relationship keys. */
  ids: string[] | null;
}

export function matches(event: FeedEvent, filter: ChangeFilter): boolean {
  if (filter.kinds && !filter.kinds.some((k) => event.kinds.has(k))) return false;
  if (filter.ids && !event.capped && !filter.ids.some((id) => event.targets.has(id))) return false;
  return true;
}

/** WebSocket close code and reason for a subscriber that fell too far behind. */
export const SLOW_CONSUMER = { code: 4008, reason: 'SLOW_CONSUMER: the client did not read its change events in time; resubscribe with since: <last seq received>' } as const;

/** The live events one subscriber has not taken yet, at most `cap`. */
class Inbox {
  private readonly events: FeedEvent[] = [];
  private wake?: () => void;
  private stopped = false;
  overflowed = false;

  /** `onOverflow` runs at once when the cap is passed, not when the busy subscriber next reads. */
  constructor(
    private readonly cap: number,
    private readonly onOverflow: () => void,
  ) {}

  push(event: FeedEvent): void {
    if (this.overflowed) return;
    if (this.events.length >= this.cap) {
      this.overflowed = true;
      this.events.length = 0;
      this.onOverflow();
    } else this.events.push(event);
    this.wake?.();
  }

  /** The subscription ended from outside: the wait for the next event ends. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /**
   * The next event, waiting for one; undefined once overflowed or stopped. (One promise per wait, on
   * the inbox itself: racing a long-lived promise would leave a reaction on it for every event.)
   */
  async next(): Promise<FeedEvent | undefined> {
    while (!this.events.length && !this.overflowed && !this.stopped) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.overflowed || this.stopped ? undefined : this.events.shift();
  }
}

export interface FollowOptions {
  follower: ChangeFollower;
  executor: Executor;
  filter: ChangeFilter;
  /** Most live events kept for this subscriber while it is busy. */
  buffer: number;
  /** Called when the subscriber overflowed (closes its socket with SLOW_CONSUMER). */
  onSlow: () => void;
  /** Resolves when the subscription ends from outside (the socket closed, the server stops). */
  stopped: Promise<void>;
}

/**
 * The change sets after `filter.since` that match, oldest first: from the log, then as they commit.
 * Ending the subscription (`return`, a client's `complete`) stops the wait for the next event at
 * once, so an ended subscription never lingers until another change set arrives.
 */
export function followChanges(options: FollowOptions): AsyncIterableIterator<ChangeSetView> {
  let cancel!: () => void;
  const cancelled = new Promise<void>((resolve) => (cancel = resolve));
  const inner = follow({ ...options, stopped: Promise.race([options.stopped, cancelled]) });
  return {
    next: () => inner.next(),
    return: (value?: unknown) => {
      cancel();
      return inner.return(value as undefined);
    },
    throw: (error?: unknown) => {
      cancel();
      return inner.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

async function* follow({ follower, executor, filter, buffer, onSlow, stopped }: FollowOptions): AsyncGenerator<ChangeSetView> {
  // Past the cap the subscriber stops listening and its socket is closed (SLOW_CONSUMER) at once:
  // what waits for it is then only what its socket already holds.
  const inbox = new Inbox(buffer, () => {
    unlisten();
    onSlow();
  });
  // Listen before reading the log: whatever commits from now on reaches the inbox, whatever committed
  // before is in the log (or kept by the follower). The overlap is dropped by seq, a gap is read from the log.
  const { unlisten, kept } = follower.listen((event) => inbox.push(event), filter.since);
  void stopped.then(() => inbox.stop());
  let last = filter.since;
  try {
    for (const event of kept ?? []) {
      last = event.seq;
      if (matches(event, filter)) yield event.changeSet;
    }
    for (let fromLog = kept === null; ; fromLog = true) {
      while (fromLog) {
        const page = await feedSince(executor.scoped('subscription'), last, FEED_PAGE);
        for (const event of page) {
          last = event.seq;
          if (matches(event, filter)) yield event.changeSet;
        }
        if (page.length < FEED_PAGE) break;
      }
      for (;;) {
        const event = await inbox.next();
        if (!event) {
          if (inbox.overflowed) {
            throw new GraphQLError(SLOW_CONSUMER.reason, { extensions: { code: 'SLOW_CONSUMER' } });
          }
          return;
        }
        if (event.seq <= last) continue;
        if (event.seq > last + 1) break; // a gap: read it from the log
        last = event.seq;
        if (matches(event, filter)) yield event.changeSet;
      }
    }
  } finally {
    unlisten();
  }
}
