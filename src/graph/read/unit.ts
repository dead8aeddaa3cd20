/**
 * A root field's share of a request's statement: its top-level `CALL () {}` blocks, the values it
 * returns, and how to decode them. reader.ts joins the units of one request into one statement.
 */
import type { Statement } from './statement.js';
import type { GraphAt } from '../changes/feed.js';

export interface CompiledUnit<T> {
  /** Top-level blocks, each returning exactly one row. */
  calls: string[];
  /** Return items, each `<expression> AS <alias>` or a variable. */
  returns: string[];
  decode(row: Record<string, unknown>): T;
  /** The plan it was rendered from, as text (plan.ts), where the unit has one: pinned by tests/tck. */
  plan?: () => string[];
}

export interface Unit<T> {
  /** Named in the round-trip log and in transaction metadata, e.g. "list.Product". */
  name: string;
  build(st: Statement): CompiledUnit<T>;
  /**
   * When the build depends on nothing but a selection (an object shared by every request that asks
   * the same, src/resolvers/selection.ts) and these arguments, the reader keeps what it built.
   */
  reuse?: { selection: object; args: string };
  /** Asked with `includeRetracted: true` (Statement.includeRetracted). */
  includeRetracted?: boolean;
  /** Asked as of a past change set, reading relationships (Statement.asOf): built for its request alone. */
  asOf?: GraphAt;
}
