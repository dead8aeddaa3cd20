/**
 * Whether the API can serve: Neo4j answers and the schema is applied. When Neo4j was down at
 * start-up or lost its data, the schema is (re)applied here on the next check, so the server
 * recovers by itself without a restart.
 */
import type { Executor } from './executor.js';
import { applySchema, schemaObjectNames } from './schema-apply.js';

export type Readiness = { ready: true } | { ready: false; reason: string };

export class ReadinessProbe {
  constructor(
    private readonly executor: Executor,
    private readonly timeoutMs = 2_000,
  ) {}

  async check(): Promise<Readiness> {
    try {
      return await withTimeout(this.probe(), this.timeoutMs);
    } catch (error) {
      return { ready: false, reason: `Neo4j is not answering: ${(error as Error).message}` };
    }
  }

  private async probe(): Promise<Readiness> {
    const missing = await this.missingSchemaObjects();
    if (missing.length === 0) return { ready: true };
    await applySchema(this.executor);
    const stillMissing = await this.missingSchemaObjects();
    return stillMissing.length === 0 ? { ready: true } : { ready: false, reason: `schema not online yet: ${stillMissing.join(', ')}` };
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
