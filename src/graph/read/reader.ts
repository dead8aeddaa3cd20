/**
 * One request, one statement. Each root field of a GraphQL operation hands its compiled unit to
 * the request's reader; a DataLoader gathers the units of the fields that start in the same tick
 * (all root fields of a query do) and sends them as `CALL () {}` blocks of one statement, in one read
 * transaction: one round trip, and one state of the graph for the whole answer.
 */
import DataLoader from 'dataloader';
import type { Executor } from '../executor.js';
import { Statement, type PageLimits } from './statement.js';
import type { CompiledUnit, Unit } from './unit.js';

interface Built {
  compiled: CompiledUnit<unknown>;
  /** Read only: shared by every request that reuses the unit. */
  params: Readonly<Record<string, unknown>>;
}

const BUILT = new WeakMap<PageLimits, WeakMap<object, Map<string, Built>>>();
/** A selection asked with very many argument sets keeps only the latest ones. */
const PER_SELECTION = 64;

/** What a reader sends its statement through: the request's Executor, or a translation that runs nothing (translate.ts). */
export type StatementRunner = Pick<Executor, 'readText'>;

export class Reader {
  private readonly loader: DataLoader<Unit<unknown>, unknown>;
  /** The text and parameters of every statement sent, for the Cypher pinned by tests. */
  readonly statements: Array<{ text: string; params: Record<string, unknown>; plans: Array<() => string[]> }> = [];

  constructor(
    private readonly executor: StatementRunner,
    private readonly limits: PageLimits,
  ) {
    this.loader = new DataLoader((units) => this.run(units), { cache: false });
  }

  /** The answer of one unit, read in the same statement as the other units of this tick. */
  read<T>(unit: Unit<T>): Promise<T> {
    return this.loader.load(unit as Unit<unknown>) as Promise<T>;
  }

  /**
   * A unit's blocks, parameters and decoder; those of a reusable unit are kept per page limits and
   * selection, then by name, place in the statement and arguments. Building the statement was 8 % of
   * the API's CPU per request (profile of SponsorsOfBCMAProducts under load). A unit that fails to
   * build (a bad cursor) is not kept: it fails the same way next time.
   */
  private compile(unit: Unit<unknown>, prefix: string): Built {
    const build = (): Built => {
      const st = new Statement(prefix, this.limits, unit.includeRetracted, unit.asOf);
      return st.finish(unit.build(st));
    };
    if (!unit.reuse || unit.asOf) return build();
    let bySelection = BUILT.get(this.limits);
    if (!bySelection) BUILT.set(this.limits, (bySelection = new WeakMap()));
    let known = bySelection.get(unit.reuse.selection);
    if (!known) bySelection.set(unit.reuse.selection, (known = new Map()));
    const key = `${unit.name}|${prefix}|${unit.includeRetracted ? 'retracted|' : ''}${unit.reuse.args}`;
    const hit = known.get(key);
    if (hit) return hit;
    const fresh = build();
    if (known.size >= PER_SELECTION) known.delete(known.keys().next().value!);
    known.set(key, fresh);
    return fresh;
  }

  private async run(units: readonly Unit<unknown>[]): Promise<Array<unknown>> {
    const params: Record<string, unknown> = {};
    // A unit whose arguments are wrong (a bad cursor, a page size over the cap) fails alone.
    const built: Array<CompiledUnit<unknown> | Error> = units.map((unit, i) => {
      try {
        const { compiled, params: own } = this.compile(unit, `u${i}_`);
        Object.assign(params, own);
        return compiled;
      } catch (error) {
        return error as Error;
      }
    });
    const compiled = built.filter((b): b is CompiledUnit<unknown> => !(b instanceof Error));
    if (!compiled.length) return built;
    const text = [...compiled.flatMap((c) => c.calls), `RETURN ${compiled.flatMap((c) => c.returns).join(', ')}`].join('\n');
    this.statements.push({ text, params, plans: compiled.flatMap((c) => (c.plan ? [c.plan] : [])) });
    const name = units.filter((_, i) => !(built[i] instanceof Error)).map((u) => u.name).join('+');
    const [row] = await this.executor.readText(`read:${name}`, text, params);
    return built.map((b) => (b instanceof Error ? b : b.decode(row)));
  }
}
