/**
 * The list fields' arguments as a list request for the graph layer, which checks them while planning
 * (src/graph/read/lists.ts): only "orderBy and sort, not both" is an argument's shape checked here.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { facetsByRelated, listUnit, namesNode, type Page } from '../graph/read/lists.js';
import type { WhereInput } from '../graph/read/where.js';
import type { Kind, SortKey } from '../graph/model.js';
import { badUserInput } from '../errors.js';
import { SortDirection } from '../schema/enums.js';
import type { PageArgs } from '../schema/filters.input.js';
import { selectionOf } from './selection.js';
import { selectsRelationships, statesAsOf } from '../versions/as-of.js';
import { child } from '../graph/read/statement.js';

/** The keys of `orderBy` or `sort` as asked; the read plan checks them (src/graph/read/lists.ts planOrder). */
function orderOf(args: PageArgs): { order: Array<{ key: SortKey; direction: 'ASC' | 'DESC' }>; orderArgument: 'sort' | 'orderBy' } {
  if (args.orderBy && args.sort) throw badUserInput('give "orderBy" or "sort", not both', 'sort');
  const order = (args.sort ?? (args.orderBy ? [args.orderBy] : [])).map((o) => ({ key: o.field as SortKey, direction: o.direction ?? SortDirection.ASC }));
  return { order, orderArgument: args.sort ? 'sort' : 'orderBy' };
}

export async function paginate(ctx: Context, kind: Kind, args: PageArgs, filter: object | undefined, info: GraphQLResolveInfo, where?: WhereInput): Promise<Page> {
  // Awaited only when asked: a current list joins the request's one statement in the order of its fields.
  const selection = selectionOf(info);
  const asOf =
    args.asOf != null || args.asOfTime
      ? await statesAsOf(ctx, [kind], args.asOf, args.asOfTime, namesNode(kind, { ...(filter ?? {}) }, where ?? undefined) || facetsByRelated(kind, selection) || selectsRelationships(child(child(selection, 'edges'), 'node'), [kind], ctx.limits))
      : undefined;
  return ctx.reader.read(
    listUnit({
      kind,
      filter: { ...(filter ?? {}) },
      where: where ?? undefined,
      ...orderOf(args),
      first: args.first,
      after: args.after ?? undefined,
      selection,
      includeRetracted: args.includeRetracted ?? false,
      asOf,
    }),
  );
}
