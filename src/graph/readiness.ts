/**
 * Whether the API can serve: Neo4j answers, the graph has been prepared (by default: schema
 * applied; the server also seeds an empty database) and every declared constraint and index is
 * online. When Neo4j was down at start-up, or comes back without its schema, preparation runs on
 * the next check, so the server recovers by itself without a restart.
 */
import type { Executor } from './executor.js';
import { applySchema, schemaObjectNames } from './schema-apply.js';

export type Readiness = { ready: true } | { ready: false; reason: string };

export class ReadinessProbe {
  /** The preparation under way, so that concurrent checks do not start a second one. */
  private preparing: Promise<unknown> | undefined;
  /** Runs the API's common operations once (set by the app); their plans are then cached. */
  private warm: (() => Promise<unknown>) | undefined;
  private warmed: Promise<unknown> | undefined;

  constructor(
    private readonly executor: Executor,
    private readonly prepare: () => Promise<unknown> = () => applySchema(executor),
    /** Whether start-up already prepared the graph. */
    private prepared = false,
    private readonly timeoutMs = 2_000,
  ) {}

  /** What to run to warm the plan cache before reporting ready. */
  warmWith(warm: () => Promise<unknown>): void {
    this.warm = warm;
  }

  async check(): Promise<Readiness> {
    if (this.preparing) return { ready: false, reason: 'preparing the graph (schema, seed data)' };
    let state: Readiness;
    try {
      state = await withTimeout(this.probe(), this.timeoutMs);
    } catch (error) {
      this.warmed = undefined;
      return { ready: false, reason: `Neo4j is not answering: ${(error as Error).message}` };
    }
    if (!state.ready || !this.warm) return state;
    this.warmed ??= this.warm().catch((error) => {
      this.warmed = undefined;
      throw error;
    });
    try {
      await withTimeout(this.warmed, this.timeoutMs * 10);
      return state;
    } catch (error) {
      return { ready: false, reason: `warming query plans: ${(error as Error).message}` };
    }
  }

  private async probe(): Promise<Readiness> {
    if ((await this.missingSchemaObjects()).length === 0 && this.prepared) return { ready: true };
    this.preparing ??= this.prepare()
      .then(() => {
        this.prepared = true;
      })
      .finally(() => {
        this.preparing = undefined;
      });
    await this.preparing;
    const missing = await this.missingSchemaObjects();
    return missing.length === 0 ? { ready: true } : { ready: false, reason: `schema not online yet: ${missing.join(', ')}` };
  }

  private async missingSchemaObjects(): Promise<string[]> {
    const rows = await this.executor.read<{ name: string; state: string }>('health.schemaObjects');
    const online = new Set(rows.filter((r) => r.state === 'ONLINE').map((r) => r.name));
    return schemaObjectNames().filter((name) => !online.has(name));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
