import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import type { Entity } from '../graph/entities.js';
import { Guideline, Reform } from '../schema/instruments.type.js';
import { Classification, Product } from '../schema/products.type.js';
import { Agency, Department, Track } from '../schema/regulators.type.js';
import { related, relatedOne } from './related.js';

@Resolver(() => Agency)
export class AgencyResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency this one is part of (CDE -> NMPA).' })
  parent(@Root() agency: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, agency, 'PART_OF');
  }

  @FieldResolver(() => [Agency], { description: 'Agencies that are part of this one.' })
  units(@Root() agency: Entity, @Ctx() ctx: Context) {
    return related(ctx, agency, 'PART_OF', 'IN');
  }

  @FieldResolver(() => [Department], { description: 'Its departments that review cell therapy products.' })
  departments(@Root() agency: Entity, @Ctx() ctx: Context) {
    return related(ctx, agency, 'DEPARTMENT_OF', 'IN');
  }

  @FieldResolver(() => [Guideline], { description: 'Guidelines and regulations it issued.' })
  issuedGuidelines(@Root() agency: Entity, @Ctx() ctx: Context) {
    return related(ctx, agency, 'ISSUED');
  }

  @FieldResolver(() => [Reform], { description: 'Reforms it enacted.' })
  enactedReforms(@Root() agency: Entity, @Ctx() ctx: Context) {
    return related(ctx, agency, 'ENACTED');
  }

  @FieldResolver(() => [Track], { description: 'The track of the dual-track system it governs.' })
  governs(@Root() agency: Entity, @Ctx() ctx: Context) {
    return related(ctx, agency, 'GOVERNS');
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency that took over its role (for a former agency).' })
  successor(@Root() agency: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, agency, 'SUCCEEDED_BY');
  }

  @FieldResolver(() => [Agency], { description: 'Former agencies whose role it took over.' })
  predecessors(@Root() agency: Entity, @Ctx() ctx: Context) {
    return related(ctx, agency, 'SUCCEEDED_BY', 'IN');
  }

  @FieldResolver(() => [Product], { description: 'Products it approved.' })
  approvedProducts(@Root() agency: Entity, @Ctx() ctx: Context) {
    return related(ctx, agency, 'APPROVED_BY', 'IN');
  }

  @FieldResolver(() => [Classification], { description: 'Classifications it established.' })
  establishedClassifications(@Root() agency: Entity, @Ctx() ctx: Context) {
    return related(ctx, agency, 'ESTABLISHED');
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @FieldResolver(() => Agency, { nullable: true, description: 'The agency the department belongs to.' })
  agency(@Root() department: Entity, @Ctx() ctx: Context) {
    return relatedOne(ctx, department, 'DEPARTMENT_OF');
  }

  @FieldResolver(() => [Classification], { description: 'Product classes it jointly reviews.' })
  reviews(@Root() department: Entity, @Ctx() ctx: Context) {
    return related(ctx, department, 'REVIEWS');
  }
}

@Resolver(() => Track)
export class TrackResolver {
  @FieldResolver(() => [Agency], { description: 'The agency that governs this track.' })
  governedBy(@Root() track: Entity, @Ctx() ctx: Context) {
    return related(ctx, track, 'GOVERNS', 'IN');
  }
}
