/**
 * Fields that are not one relationship type: reforms before an approval and approvals after a
 * reform (by year), a statistic's siblings, and a source's reference. Like every relationship field
 * they were read with their parent in the request's one statement.
 */
import { Arg, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Entity } from '../graph/entities.js';
import { relatedOf, toEntities, toLags } from '../graph/read/decode.js';
import { Reform } from '../schema/instruments.type.js';
import { Source } from '../schema/node.interface.js';
import { Product, Reference } from '../schema/products.type.js';
import { Statistic } from '../schema/statistics.type.js';
import { ReformLag } from '../schema/traversal.type.js';

const lagsOf = (root: Entity, info: GraphQLResolveInfo) => toLags(relatedOf(root, info.path.key as string) as never[]);

@Resolver(() => Product)
export class ProductResolver {
  @FieldResolver(() => [ReformLag], { description: 'Reforms that took effect in an earlier year than its approval, with the lag.' })
  precedingReforms(
    @Root() product: Entity,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, description: 'How many reforms: default 20, at most 100.' }) _first?: number,
  ) {
    return lagsOf(product, info);
  }
}

@Resolver(() => Reform)
export class ReformResolver {
  @FieldResolver(() => [ReformLag], { description: 'Product approvals in a later year, with the lag.' })
  approvalsFollowing(
    @Root() reform: Entity,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, description: 'How many approvals: default 20, at most 100.' }) _first?: number,
  ) {
    return lagsOf(reform, info);
  }
}

@Resolver(() => Statistic)
export class StatisticResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the figure is a forecast.' })
  forecast(@Root() statistic: Entity) {
    return statistic.forecast === true;
  }

  @FieldResolver(() => [Statistic], { description: 'The other parts of the same total along the same dimension.' })
  siblings(
    @Root() statistic: Entity,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, description: 'How many siblings: default 20, at most 100.' }) _first?: number,
  ) {
    return toEntities(relatedOf(statistic, info.path.key as string) as never[]);
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Reference, { nullable: true, description: 'The cited reference, or null for an uncited statement.' })
  reference(@Root() source: Source & { reference?: Entity | null }) {
    return source.reference ?? null;
  }
}
