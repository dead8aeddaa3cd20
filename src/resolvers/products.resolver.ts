import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import type { Entity } from '../graph/entities.js';
import { Event } from '../schema/instruments.type.js';
import { Node } from '../schema/node.interface.js';
import { Classification, Product, Reference, Sponsor, Target } from '../schema/products.type.js';
import { Agency, Department } from '../schema/regulators.type.js';
import { ReformLag } from '../schema/traversal.type.js';
import { related, relatedOne } from './related.js';

@Resolver(() => Product)
export class ProductResolver {
  @FieldResolver(() => [Target], { description: 'The antigens it targets.' })
  targets(@Root() product: Entity, @Ctx() ctx: Context) {
    return related(ctx, product, 'TARGETS');
  }

  @FieldResolver(() => [Sponsor], { description: 'The companies that hold it.' })
  sponsors(@Root() product: Entity, @Ctx() ctx: Context) {
    return related(ctx, product, 'SPONSORED_BY');
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency that approved it.' })
  approvedBy(@Root() product: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, product, 'APPROVED_BY');
  }

  @FieldResolver(() => [Classification], { description: 'Its regulatory classes.' })
  classifications(@Root() product: Entity, @Ctx() ctx: Context) {
    return related(ctx, product, 'CLASSIFIED_AS');
  }

  @FieldResolver(() => [Event], { description: 'Events involving it (e.g. approval abroad).' })
  events(@Root() product: Entity, @Ctx() ctx: Context) {
    return related(ctx, product, 'INVOLVES', 'IN');
  }

  @FieldResolver(() => [ReformLag], { description: 'Reforms that took effect in an earlier year than its approval, with the lag.' })
  async precedingReforms(@Root() product: Entity, @Ctx() ctx: Context) {
    const lagged = await ctx.loaders.reformsPreceding.load(product.id);
    return lagged.map(({ other, lagYears }) => ({ reform: other, product, lagYears }));
  }
}

@Resolver(() => Target)
export class TargetResolver {
  @FieldResolver(() => [Product], { description: 'Products aimed at this target.' })
  products(@Root() target: Entity, @Ctx() ctx: Context) {
    return related(ctx, target, 'TARGETS', 'IN');
  }
}

@Resolver(() => Sponsor)
export class SponsorResolver {
  @FieldResolver(() => [Product], { description: 'Products the company holds.' })
  products(@Root() sponsor: Entity, @Ctx() ctx: Context) {
    return related(ctx, sponsor, 'SPONSORED_BY', 'IN');
  }

  @FieldResolver(() => [Event], { description: 'Events involving the company.' })
  events(@Root() sponsor: Entity, @Ctx() ctx: Context) {
    return related(ctx, sponsor, 'INVOLVES', 'IN');
  }
}

@Resolver(() => Classification)
export class ClassificationResolver {
  @FieldResolver(() => Classification, { nullable: true, description: 'The broader class it is a group of.' })
  parent(@Root() c: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, c, 'SUBCATEGORY_OF');
  }

  @FieldResolver(() => [Classification], { description: 'Its groups.' })
  subcategories(@Root() c: Entity, @Ctx() ctx: Context) {
    return related(ctx, c, 'SUBCATEGORY_OF', 'IN');
  }

  @FieldResolver(() => [Classification], { description: 'Registration classes it falls under.' })
  classifiedAs(@Root() c: Entity, @Ctx() ctx: Context) {
    return related(ctx, c, 'CLASSIFIED_AS');
  }

  @FieldResolver(() => [Node], { description: 'Products and classes classified under it.' })
  members(@Root() c: Entity, @Ctx() ctx: Context) {
    return related(ctx, c, 'CLASSIFIED_AS', 'IN');
  }

  @FieldResolver(() => [Node], { description: 'The guideline or agency that established it.' })
  establishedBy(@Root() c: Entity, @Ctx() ctx: Context) {
    return related(ctx, c, 'ESTABLISHED', 'IN');
  }

  @FieldResolver(() => [Department], { description: 'Departments that review products of this class.' })
  reviewedBy(@Root() c: Entity, @Ctx() ctx: Context) {
    return related(ctx, c, 'REVIEWS', 'IN');
  }
}

@Resolver(() => Reference)
export class ReferenceResolver {
  @FieldResolver(() => [Node], { description: 'Every entity whose provenance cites this reference.' })
  citedBy(@Root() reference: Entity, @Ctx() ctx: Context) {
    return related(ctx, reference, 'CITES', 'IN');
  }
}

