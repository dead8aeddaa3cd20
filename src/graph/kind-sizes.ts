/**
 * How many nodes of each kind the graph holds, read from Neo4j's count store (one cheap statement)
 * and refreshed in the background. The cost estimate caps a list at this size: `agencies(first: 100)`
 * can return at most as many agencies as there are.
 */
import type { Executor } from './executor.js';
import { KINDS, type Kind } from './model.js';
import { render } from './queries.js';

const STATEMENT = KINDS.map((label) => render('health.kindCount', { label })).join('\nUNION ALL\n');

export class KindSizes {
  private sizes = new Map<string, number>();
  /** Changes whenever a refresh reads different sizes (cached cost estimates depend on them). */
  version = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly executor: Executor) {}

  /** The number of nodes of a GraphQL type (a kind, or `Node` for any), or undefined before the first read. */
  of(typeName: string): number | undefined {
    return this.sizes.get(typeName);
  }

  async refresh(): Promise<void> {
    const rows = await this.executor.readText<{ kind: Kind; count: number }>('health.kindCounts', STATEMENT);
    const next = new Map(rows.map((r) => [r.kind as string, Number(r.count)]));
    next.set('Node', rows.reduce((sum, r) => sum + Number(r.count), 0));
    if ([...next].some(([k, v]) => this.sizes.get(k) !== v)) {
      this.sizes = next;
      this.version++;
    }
  }

  /** Refreshes every `everyMs` (failures keep the last sizes: Neo4j may be restarting). */
  start(everyMs = 30_000): void {
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
