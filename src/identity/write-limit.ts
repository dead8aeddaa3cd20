/**
 * Writes per subject: a token bucket each (WRITE_BURST writes at once, refilled at WRITE_RATE_PER_MINUTE),
 * kept in this process (several API servers each keep their own; a shared limit belongs in the proxy in
 * front of them). A write over the limit is answered TOO_MANY_REQUESTS with Retry-After before any Neo4j
 * work. Buckets of subjects idle for an hour are dropped, so the map stays as small as the active writers.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';

interface Bucket {
  tokens: number;
  at: number;
}

export class WriteLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one write from `subject`'s bucket, or throws TOO_MANY_REQUESTS saying when to retry. */
  take(subject: string): void {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(subject) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    this.buckets.set(subject, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const seconds = Math.max(1, Math.ceil(((1 - bucket.tokens) / this.perMinute) * 60));
    throw new GraphQLError(`"${subject}" has written ${this.burst} times in quick succession; the limit is ${this.perMinute} a minute. Retry in ${seconds} s.`, {
      extensions: { code: ErrorCode.TOO_MANY_REQUESTS, retryAfter: seconds, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
    });
  }

  private sweep(now: number): void {
    if (this.buckets.size < 1_000) return;
    for (const [subject, bucket] of this.buckets) if (now - bucket.at > 3_600_000) this.buckets.delete(subject);
  }
}
