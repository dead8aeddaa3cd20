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

export function paginate(ctx: Context, kind: Kind, args: PageArgs, filter: object | undefined, info: GraphQLResolveInfo, where?: WhereInput): Promise<Page> {
  return ctx.reader.read(
    listUnit({
      kind,
      filter: { ...(filter ?? {}) },
      where: where ?? undefined,
      sortKey: (args.orderBy?.field ?? SortField.NAME) as SortKey,
      direction: args.orderBy?.direction ?? SortDirection.ASC,
      first: pageSize(args.first, ctx.limits),
      after: args.after ?? undefined,
      selection: selectionOf(info),
    }),
  );
}
