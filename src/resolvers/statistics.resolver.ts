import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import type { Entity } from '../graph/entities.js';
import { Node, Source } from '../schema/node.interface.js';
import { Reference } from '../schema/products.type.js';
import { Finding, Statistic } from '../schema/statistics.type.js';
import { related, relatedOne } from './related.js';

@Resolver(() => Statistic)
export class StatisticResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the figure is a forecast.' })
  forecast(@Root() statistic: Entity) {
    return statistic.forecast === true;
  }

  @FieldResolver(() => Statistic, { nullable: true, description: 'The total this figure is a part of.' })
  breakdownOf(@Root() statistic: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, statistic, 'BREAKDOWN_OF');
  }

  @FieldResolver(() => [Statistic], { description: 'The parts of this total, along every dimension.' })
  breakdown(@Root() statistic: Entity, @Ctx() ctx: Context) {
    return related(ctx, statistic, 'BREAKDOWN_OF', 'IN');
  }

  @FieldResolver(() => [Statistic], { description: 'The other parts of the same total along the same dimension.' })
  siblings(@Root() statistic: Entity, @Ctx() ctx: Context) {
    return ctx.loaders.siblings.load(statistic.id);
  }

  @FieldResolver(() => [Statistic], { description: 'For a share: the figures that make up its numerator.' })
  numerators(@Root() statistic: Entity, @Ctx() ctx: Context) {
    return related(ctx, statistic, 'NUMERATOR');
  }

  @FieldResolver(() => Statistic, { nullable: true, description: 'For a share: the figure it is a share of.' })
  denominator(@Root() statistic: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, statistic, 'DENOMINATOR');
  }

  @FieldResolver(() => Statistic, { nullable: true, description: 'For a growth rate: the start value.' })
  growthFrom(@Root() statistic: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, statistic, 'GROWTH_FROM');
  }

  @FieldResolver(() => Statistic, { nullable: true, description: 'For a growth rate: the end value.' })
  growthTo(@Root() statistic: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, statistic, 'GROWTH_TO');
  }

  @FieldResolver(() => [Node], { description: 'What the figure is about (a pathway, a classification).' })
  about(@Root() statistic: Entity, @Ctx() ctx: Context) {
    return related(ctx, statistic, 'ABOUT');
  }

  @FieldResolver(() => [Finding], { description: 'Inconsistencies the checker found involving this figure.' })
  findings(@Root() statistic: Entity, @Ctx() ctx: Context) {
    return related(ctx, statistic, 'CONCERNS', 'IN');
  }
}

@Resolver(() => Finding)
export class FindingResolver {
  @FieldResolver(() => [Statistic], { description: 'The figures involved.' })
  statistics(@Root() finding: Entity, @Ctx() ctx: Context) {
    return related(ctx, finding, 'CONCERNS');
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Reference, { nullable: true, description: 'The cited reference, or null for an uncited statement.' })
  reference(@Root() source: Source, @Ctx() ctx: Context) {
    return source.referenceNumber === null ? null : ctx.loaders.node.load(`ref:${source.referenceNumber}`);
  }
}
