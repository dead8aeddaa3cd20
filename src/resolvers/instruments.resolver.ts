import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import type { Entity } from '../graph/entities.js';
import { Event, Guideline, Pathway, Reform } from '../schema/instruments.type.js';
import { Node } from '../schema/node.interface.js';
import { Classification } from '../schema/products.type.js';
import { Agency } from '../schema/regulators.type.js';
import { Statistic } from '../schema/statistics.type.js';
import { ReformLag } from '../schema/traversal.type.js';
import { related, relatedOne } from './related.js';

@Resolver(() => Guideline)
export class GuidelineResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency that issued it.' })
  issuedBy(@Root() guideline: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, guideline, 'ISSUED', 'IN');
  }

  @FieldResolver(() => [Reform], { description: 'Reforms it put into effect.' })
  implements(@Root() guideline: Entity, @Ctx() ctx: Context) {
    return related(ctx, guideline, 'IMPLEMENTED_BY', 'IN');
  }

  @FieldResolver(() => [Classification], { description: 'Classifications it established.' })
  establishedClassifications(@Root() guideline: Entity, @Ctx() ctx: Context) {
    return related(ctx, guideline, 'ESTABLISHED');
  }
}

@Resolver(() => Reform)
export class ReformResolver {
  @FieldResolver(() => [Agency], { description: 'The agencies that enacted it.' })
  enactedBy(@Root() reform: Entity, @Ctx() ctx: Context) {
    return related(ctx, reform, 'ENACTED', 'IN');
  }

  @FieldResolver(() => [Pathway], { description: 'Pathways it introduced.' })
  pathwaysIntroduced(@Root() reform: Entity, @Ctx() ctx: Context) {
    return related(ctx, reform, 'INTRODUCED');
  }

  @FieldResolver(() => [Event], { description: 'Events that triggered it.' })
  triggeredBy(@Root() reform: Entity, @Ctx() ctx: Context) {
    return related(ctx, reform, 'TRIGGERED', 'IN');
  }

  @FieldResolver(() => [Guideline], { description: 'The regulations that implement it.' })
  implementedBy(@Root() reform: Entity, @Ctx() ctx: Context) {
    return related(ctx, reform, 'IMPLEMENTED_BY');
  }

  @FieldResolver(() => [ReformLag], { description: 'Product approvals in a later year, with the lag.' })
  async approvalsFollowing(@Root() reform: Entity, @Ctx() ctx: Context) {
    const lagged = await ctx.loaders.approvalsFollowing.load(reform.id);
    return lagged.map(({ other, lagYears }) => ({ reform, product: other, lagYears }));
  }
}

@Resolver(() => Pathway)
export class PathwayResolver {
  @FieldResolver(() => [Reform], { description: 'Reforms that introduced it.' })
  introducedBy(@Root() pathway: Entity, @Ctx() ctx: Context) {
    return related(ctx, pathway, 'INTRODUCED', 'IN');
  }

  @FieldResolver(() => [Statistic], { description: 'Figures about the pathway (e.g. entries in 2024).' })
  statistics(@Root() pathway: Entity, @Ctx() ctx: Context) {
    return related(ctx, pathway, 'ABOUT', 'IN');
  }
}

@Resolver(() => Event)
export class EventResolver {
  @FieldResolver(() => [Reform], { description: 'Reforms it triggered.' })
  triggered(@Root() event: Entity, @Ctx() ctx: Context) {
    return related(ctx, event, 'TRIGGERED');
  }

  @FieldResolver(() => [Node], { description: 'Products, sponsors or agencies involved.' })
  involves(@Root() event: Entity, @Ctx() ctx: Context) {
    return related(ctx, event, 'INVOLVES');
  }
}
