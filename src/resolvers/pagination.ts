/**
 * The list fields' arguments, checked, as a list request for the graph layer.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { pageSize } from '../graph/read/connection.js';
import { listUnit, type Page } from '../graph/read/lists.js';
import type { WhereInput } from '../graph/read/where.js';
import { sortKeysOf, type Kind, type SortKey } from '../graph/model.js';
import { badUserInput } from '../errors.js';
import { SortDirection, SortField } from '../schema/enums.js';
import type { PageArgs } from '../schema/filters.input.js';
import { selectionOf } from './selection.js';
import { statesAsOf } from '../versions/as-of.js';

/** Most keys a `sort` may take. */
export const MAX_SORT_KEYS = 3;

/** The keys of `orderBy` or `sort`, checked: by name when neither is given. */
function sortKeys(kind: Kind, args: PageArgs): Array<{ key: SortKey; direction: 'ASC' | 'DESC' }> {
  if (args.orderBy && args.sort) throw badUserInput('give "orderBy" or "sort", not both', 'sort');
  const keys = (args.sort ?? (args.orderBy ? [args.orderBy] : [])).map((o) => ({ key: o.field as SortKey, direction: o.direction ?? SortDirection.ASC }));
  if (args.sort && (keys.length < 1 || keys.length > MAX_SORT_KEYS)) throw badUserInput(`"sort" takes 1 to ${MAX_SORT_KEYS} keys; got ${keys.length}`, 'sort');
  if (new Set(keys.map((k) => k.key)).size < keys.length) throw badUserInput('"sort" names a key twice', 'sort');
  if (keys.length > 1 && keys.some((k) => k.key === SortField.ID)) throw badUserInput('"sort": ID orders alone (it already breaks every tie)', 'sort');
  const allowed = sortKeysOf(kind);
  const other = keys.find((k) => !allowed.includes(k.key));
  if (other) {
    const names = (key: SortKey) => Object.entries(SortField).find(([, v]) => v === key)![0];
    throw badUserInput(`${kind} lists cannot be ordered by ${names(other.key)}; they can by ${allowed.map(names).join(', ')}`, args.sort ? 'sort' : 'orderBy');
  }
  return keys.length ? keys : [{ key: SortField.NAME as SortKey, direction: SortDirection.ASC }];
}

export async function paginate(ctx: Context, kind: Kind, args: PageArgs, filter: object | undefined, info: GraphQLResolveInfo, where?: WhereInput): Promise<Page> {
  const [primary, ...thenBy] = sortKeys(kind, args);
  // Awaited only when asked: a current list joins the request's one statement in the order of its fields.
  const asOf = args.asOf != null || args.asOfTime ? await statesAsOf(ctx, [kind], args.asOf, args.asOfTime) : undefined;
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
      includeRetracted: args.includeRetracted ?? false,
      asOf,
    }),
  );
}
