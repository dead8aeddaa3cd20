/**
 * Relay connections, one way for every list that pages (a kind's list, a relationship connection,
 * search): read one row more than the page, keep `first`, and say from that extra row whether a next
 * page exists; page sizes are checked here too. Also the shapes a connection carries beside its edges (aggregate, facets).
 */
import { badUserInput } from '../../errors.js';

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Aggregate {
  /** More matched than an aggregate reads (PageLimits.maxGrouped): refused when asked (facets.resolver.ts). */
  over: boolean;
  count: number;
  minDate: string | null;
  maxDate: string | null;
  minYear: number | null;
  maxYear: number | null;
  minValue: number | null;
  maxValue: number | null;
}

export interface FacetBucket {
  keys: Array<{ value: string | null; id: string | null }>;
  count: number;
}

/** One facet's answer: its buckets, or `over` when more matched than a facet reads. */
export interface Facet {
  over: boolean;
  buckets: FacetBucket[];
}

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
  /** Most matches an `aggregate` or `facets` reads; more is refused (aggregate.ts). Default MAX_GROUPED. */
  maxGrouped?: number;
}

/** A page size argument checked against the cap (the default when omitted); BAD_USER_INPUT naming the argument. */
export function pageSize(first: unknown, limits: PageLimits, argument = 'first'): number {
  if (first === undefined || first === null) return limits.defaultPageSize;
  const n = Number(first);
  if (!Number.isInteger(n) || n < 0 || n > limits.maxPageSize) {
    throw badUserInput(`"${argument}" must be between 0 and ${limits.maxPageSize}; got ${String(first)}`, argument);
  }
  return n;
}

/**
 * The page of `rows` (read with a limit of `first + 1`): each kept row made an edge, and pageInfo.
 * `hasPreviousPage` is whether the page was asked past a cursor.
 */
export function connectionOf<R, E extends { cursor: string }>(rows: readonly R[], first: number, afterCursor: boolean, edge: (row: R) => E): { edges: E[]; pageInfo: PageInfo } {
  const edges = rows.slice(0, first).map(edge);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: afterCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
