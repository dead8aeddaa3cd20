/**
 * Relay pagination for the list fields: argument checks, cursors and the connection shape.
 */
import type { Context } from '../context.js';
import type { Entity } from '../graph/entities.js';
import { listEntities, type SortKey } from '../graph/entities.repository.js';
import type { Kind } from '../graph/model.js';
import { badUserInput } from '../errors.js';
import type { ConnectionShape } from '../schema/connection.type.js';
import { SortDirection, SortField } from '../schema/enums.js';
import type { PageArgs } from '../schema/filters.input.js';

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badUserInput(`"after" is not a cursor returned by this API: ${JSON.stringify(cursor)}`, 'after');
  return Number(match[1]);
}

/** Checks a page size against the cap; the default when omitted. */
export function pageSize(first: number | undefined, limits: Context['limits'], argument = 'first'): number {
  if (first === undefined || first === null) return limits.defaultPageSize;
  if (first < 0 || first > limits.maxPageSize) {
    throw badUserInput(`"${argument}" must be between 0 and ${limits.maxPageSize}; got ${first}`, argument);
  }
  return first;
}

export async function paginate(ctx: Context, kind: Kind, args: PageArgs, filter: object | undefined): Promise<ConnectionShape<Entity>> {
  const limit = pageSize(args.first, ctx.limits);
  const skip = args.after ? decodeCursor(args.after) + 1 : 0;
  const { totalCount, nodes } = await listEntities(ctx.executor, kind, {
    filter: { ...(filter ?? {}) },
    sortKey: (args.orderBy?.field ?? SortField.NAME) as SortKey,
    direction: args.orderBy?.direction ?? SortDirection.ASC,
    skip,
    limit,
  });
  const page = nodes.slice(0, limit);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(skip + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: nodes.length > limit,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
