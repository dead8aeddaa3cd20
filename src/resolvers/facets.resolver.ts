/**
 * `facets(by:, first:)` and `aggregate` on every list connection and every relationship connection.
 * Both were read with the list, in its statement (src/graph/read/lists.ts, projection.ts); this
 * returns the ones read for this field's response key, or refuses them (QUERY_TOO_COMPLEX) when more
 * matched than they read (GRAPHQL_MAX_GROUPED).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import type { Context } from '../context.js';
import { MAX_FACET_BUCKETS, MAX_GROUPED } from '../graph/read/aggregate.js';
import type { Aggregate as Read } from '../graph/read/connection.js';
import { tooManyToGroup } from '../errors.js';
import type { FacetKey as Key } from '../graph/model.js';
import type { Page } from '../graph/read/lists.js';
import { Aggregate, FacetBucket, FacetKey, GROUPED_BOUND } from '../schema/aggregate.type.js';
import * as Lists from '../schema/lists.type.js';
import { relationshipConnectionTypes } from '../schema/relationship-connection.type.js';

/** `facets` and `aggregate` of one connection type; `matches` says what the aggregate is over. */
function facetsResolver(connection: ClassType, matches: string) {
  @Resolver(() => connection)
  class FacetsResolver {
    @FieldResolver(() => [FacetBucket], {
      description: 'Counts of every matching item (not one page) grouped by one or two keys, largest first: e.g. `by: [YEAR, TARGET]`. An item with two values of a key (two sponsors) counts in both. ' + GROUPED_BOUND,
    })
    facets(
      @Root() page: Pick<Page, 'facets'>,
      @Arg('by', () => [FacetKey], { description: 'One or two keys to group by.' }) _by: Key[],
      @Arg('first', () => Int, { defaultValue: 20, description: `How many groups: 1 to ${MAX_FACET_BUCKETS}.` }) _first: number,
      @Info() info: GraphQLResolveInfo,
      @Ctx() ctx: Context,
    ): FacetBucket[] {
      const facet = page.facets?.[info.path.key as string];
      if (facet?.over) throw tooManyToGroup('facets', ctx.limits.maxGrouped ?? MAX_GROUPED);
      return facet?.buckets ?? [];
    }

    @FieldResolver(() => Aggregate, { description: `Count and ranges over every ${matches} matches, not one page. ${GROUPED_BOUND}` })
    aggregate(@Root() page: { aggregate?: Read }, @Ctx() ctx: Context): Read | undefined {
      if (page.aggregate?.over) throw tooManyToGroup('aggregate', ctx.limits.maxGrouped ?? MAX_GROUPED);
      return page.aggregate;
    }
  }
  return FacetsResolver;
}

/** Built after the relationship fields are defined (they make their connection types). */
export function facetsResolvers(): Array<ReturnType<typeof facetsResolver>> {
  return [
    ...Object.values(Lists).map((connection) => facetsResolver(connection as ClassType, 'item the list')),
    ...relationshipConnectionTypes().map((connection) => facetsResolver(connection as ClassType, 'related node the where')),
  ];
}
