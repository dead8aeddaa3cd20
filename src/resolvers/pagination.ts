/**
 * The list fields' arguments, checked, as a list request for the graph layer.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { listUnit, type Page, type SortKey } from '../graph/read/lists.js';
import type { WhereInput } from '../graph/read/where.js';
import type { Kind } from '../graph/model.js';
import { badUserInput } from '../errors.js';
import { SortDirection, SortField } from '../schema/enums.js';
import type { PageArgs } from '../schema/filters.input.js';
import { selectionOf } from './selection.js';

/** Checks a page size against the cap; the default when omitted. */
export function pageSize(first: number | undefined | null, limits: Context['limits'], argument = 'first'): number {
  if (first === undefined || first === null) return limits.defaultPageSize;
  if (first < 0 || first > limits.maxPageSize) {
    throw badUserInput(`"${argument}" must be between 0 and ${limits.maxPageSize}; got ${first}`, argument);
  }
  return first;
}

/** Most keys a `sort` may take. */
export const MAX_SORT_KEYS = 3;

/** The keys of `orderBy` or `sort`, checked: by name when neither is given. */
function sortKeys(args: PageArgs): Array<{ key: SortKey; direction: 'ASC' | 'DESC' }> {
  if (args.orderBy && args.sort) throw badUserInput('give "orderBy" or "sort", not both', 'sort');
  const keys = (args.sort ?? (args.orderBy ? [args.orderBy] : [])).map((o) => ({ key: o.field as SortKey, direction: o.direction ?? SortDirection.ASC }));
  if (args.sort && (keys.length < 1 || keys.length > MAX_SORT_KEYS)) throw badUserInput(`"sort" takes 1 to ${MAX_SORT_KEYS} keys; got ${keys.length}`, 'sort');
  if (new Set(keys.map((k) => k.key)).size < keys.length) throw badUserInput('"sort" names a key twice', 'sort');
  if (keys.length > 1 && keys.some((k) => k.key === SortField.ID)) throw badUserInput('"sort": ID orders alone (it already breaks every tie)', 'sort');
  return keys.length ? keys : [{ key: SortField.NAME as SortKey, direction: SortDirection.ASC }];
}

export function paginate(ctx: Context, kind: Kind, args: PageArgs, filter: object | undefined, info: GraphQLResolveInfo, where?: WhereInput): Promise<Page> {
  const [primary, ...thenBy] = sortKeys(args);
  return ctx.reader.read(
    listUnit({
      kind,
      filter: { ...(filter ?? {}) },
      where: where ?? undefined,
      sortKey: primary.key,
      direction: primary.direction,
      thenBy,
      first: pageSize(args.first, ctx.limits),
      after: args.after ?? undefined,
      selection: selectionOf(info),
    }),
  );
}
