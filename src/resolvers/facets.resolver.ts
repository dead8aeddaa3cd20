/**
 * `facets(by:, first:)` on every list connection and every relationship connection. The buckets were
 * read with the list, in its statement (src/graph/read/lists.ts, projection.ts); this returns the
 * ones read for this field's response key.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { MAX_FACET_BUCKETS } from '../graph/read/aggregate.js';
import type { FacetKey as Key } from '../graph/model.js';
import type { Page } from '../graph/read/lists.js';
import { FacetBucket, FacetKey } from '../schema/aggregate.type.js';
import * as Lists from '../schema/lists.type.js';
import { relationshipConnectionTypes } from '../schema/relationship-connection.type.js';

function facetsResolver(connection: ClassType) {
  @Resolver(() => connection)
  class FacetsResolver {
    @FieldResolver(() => [FacetBucket], {
      description: 'Counts of every matching item (not one page) grouped by one or two keys, largest first: e.g. `by: [YEAR, TARGET]`. An item with two values of a key (two sponsors) counts in both.',
    })
    facets(
      @Root() page: Pick<Page, 'facets'>,
      @Arg('by', () => [FacetKey], { description: 'One or two keys to group by.' }) _by: Key[],
      @Arg('first', () => Int, { defaultValue: 20, description: `How many groups: 1 to ${MAX_FACET_BUCKETS}.` }) _first: number,
      @Info() info: GraphQLResolveInfo,
    ): FacetBucket[] {
      return page.facets?.[info.path.key as string] ?? [];
    }
  }
  return FacetsResolver;
}

/** Built after the relationship fields are defined (they make their connection types). */
export function facetsResolvers(): Array<ReturnType<typeof facetsResolver>> {
  return [...Object.values(Lists), ...relationshipConnectionTypes()].map((connection) => facetsResolver(connection as ClassType));
}
