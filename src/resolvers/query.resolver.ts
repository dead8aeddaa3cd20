import { Arg, Args, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import type { Entity } from '../graph/entities.js';
import { allFindings } from '../graph/findings.repository.js';
import type { Kind } from '../graph/model.js';
import { search } from '../graph/search.repository.js';
import { neighborhood, shortestPath, timeline } from '../graph/traversals.repository.js';
import { badUserInput, notFound } from '../errors.js';
import { EntityKind, RelationshipType } from '../schema/enums.js';
import {
  AgencyFilter,
  DatedFilter,
  EventFilter,
  GuidelineFilter,
  NameFilter,
  PageArgs,
  ProductFilter,
  ReformFilter,
  StatisticFilter,
} from '../schema/filters.input.js';
import * as Lists from '../schema/lists.type.js';
import { Node } from '../schema/node.interface.js';
import { Finding } from '../schema/statistics.type.js';
import { PartialDateScalar } from '../schema/scalars.js';
import { Path, ReformLag, SearchHit, Subgraph, TimelineEntry } from '../schema/traversal.type.js';
import { paginate, pageSize } from './pagination.js';

export const CAPS = { maxHops: 6, depth: 3, neighborhoodLimit: 200, nodesIds: 100 } as const;
const TIMELINE_KINDS: Kind[] = ['Reform', 'Guideline', 'Product', 'Event'];
const DEFAULT_EXCLUDED = ['CITES', 'CONCERNS'];

function within(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badUserInput(`"${argument}" must be between ${min} and ${max}; got ${value}`, argument);
  return value;
}

async function mustExist(ctx: Context, id: string, kind?: Kind): Promise<Entity> {
  const entity = await ctx.loaders.node.load(id);
  if (!entity || (kind && entity.kind !== kind)) throw notFound(`No ${kind ?? 'node'} with id "${id}"`);
  return entity;
}

function timelineTitle(entity: Entity): string {
  return entity.kind === 'Product' ? `Approval in China: ${entity.name}` : `${entity.kind}: ${entity.name}`;
}

@Resolver()
export class QueryResolver {
  @Query(() => Node, { nullable: true, description: 'The node with this id, or null.' })
  node(@Arg('id', () => ID, { description: 'A node id, e.g. "product:ciltacabtagene-autoleucel".' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.node.load(id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'The nodes with these ids, in the same order; null for unknown ids.' })
  nodes(@Arg('ids', () => [ID], { description: `Up to ${CAPS.nodesIds} node ids.` }) ids: string[], @Ctx() ctx: Context) {
    if (ids.length > CAPS.nodesIds) throw badUserInput(`"ids" takes at most ${CAPS.nodesIds} ids; got ${ids.length}`, 'ids');
    return ctx.loaders.node.loadMany(ids);
  }

  @Query(() => Lists.AgencyConnection, { description: 'Regulatory agencies.' })
  agencies(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AgencyFilter, { nullable: true, description: 'Filter.' }) filter: AgencyFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Agency', page, filter);
  }

  @Query(() => Lists.DepartmentConnection, { description: 'CDE departments that review cell therapy products.' })
  departments(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Department', page, filter);
  }

  @Query(() => Lists.TrackConnection, { description: 'The two tracks of the dual-track system.' })
  tracks(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Track', page, filter);
  }

  @Query(() => Lists.GuidelineConnection, { description: 'Guidelines and regulations.' })
  guidelines(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => GuidelineFilter, { nullable: true, description: 'Filter.' }) filter: GuidelineFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Guideline', page, filter);
  }

  @Query(() => Lists.ReformConnection, { description: 'Regulatory reforms.' })
  reforms(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ReformFilter, { nullable: true, description: 'Filter.' }) filter: ReformFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Reform', page, filter);
  }

  @Query(() => Lists.PathwayConnection, { description: 'Accelerated and streamlined pathways.' })
  pathways(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Pathway', page, filter);
  }

  @Query(() => Lists.EventConnection, { description: 'Incidents, approvals abroad and funding rounds.' })
  events(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => EventFilter, { nullable: true, description: 'Filter.' }) filter: EventFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Event', page, filter);
  }

  @Query(() => Lists.ProductConnection, { description: 'Cell therapy products approved in China.' })
  products(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ProductFilter, { nullable: true, description: 'Filter.' }) filter: ProductFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Product', page, filter);
  }

  @Query(() => Lists.TargetConnection, { description: 'Antigen targets.' })
  targets(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Target', page, filter);
  }

  @Query(() => Lists.SponsorConnection, { description: 'Companies holding approved products.' })
  sponsors(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Sponsor', page, filter);
  }

  @Query(() => Lists.ClassificationConnection, { description: 'Regulatory classes (the 2024 ATMP classification and registration classes).' })
  classifications(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Classification', page, filter);
  }

  @Query(() => Lists.StatisticConnection, { description: 'Figures stated by the article.' })
  statistics(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => StatisticFilter, { nullable: true, description: 'Filter.' }) filter: StatisticFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Statistic', page, filter);
  }

  @Query(() => Lists.ReferenceConnection, { description: 'The article\'s 20 references.' })
  references(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => DatedFilter, { nullable: true, description: 'Filter.' }) filter: DatedFilter, @Ctx() ctx: Context) {
    return paginate(ctx, 'Reference', page, filter);
  }

  @Query(() => [SearchHit], { description: 'Full-text search over names, aliases (including the article\'s own spellings) and descriptions, best first.' })
  search(
    @Arg('text', () => String, { description: 'Words to look for; each also matches as a prefix.' }) text: string,
    @Arg('kinds', () => [EntityKind], { nullable: true, description: 'Only these kinds.' }) kinds: Kind[] | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'How many hits: default 20, at most 100.' }) first: number | undefined,
    @Ctx() ctx: Context,
  ) {
    if (!text.trim()) throw badUserInput('"text" must not be empty', 'text');
    if (text.length > 200) throw badUserInput('"text" is limited to 200 characters', 'text');
    return search(ctx.executor, text, kinds ?? [], pageSize(first, ctx.limits));
  }

  @Query(() => [ReformLag], { description: 'The reforms that took effect in a year before the product\'s approval, oldest first, with the lag.' })
  async reformsPreceding(@Arg('productId', () => ID, { description: 'A product id.' }) productId: string, @Ctx() ctx: Context) {
    // Both loads go out in the same batch: one round trip.
    const [product, lagged] = await Promise.all([mustExist(ctx, productId, 'Product'), ctx.loaders.reformsPreceding.load(productId)]);
    return lagged.map(({ other, lagYears }) => ({ reform: other, product, lagYears }));
  }

  @Query(() => [ReformLag], { description: 'The product approvals in a year after the reform took effect, oldest first, with the lag.' })
  async approvalsFollowing(@Arg('reformId', () => ID, { description: 'A reform id.' }) reformId: string, @Ctx() ctx: Context) {
    const [reform, lagged] = await Promise.all([mustExist(ctx, reformId, 'Reform'), ctx.loaders.approvalsFollowing.load(reformId)]);
    return lagged.map(({ other, lagYears }) => ({ reform, product: other, lagYears }));
  }

  @Query(() => [TimelineEntry], { description: 'Dated reforms, guidelines, approvals and events, in date order.' })
  async timeline(
    @Arg('from', () => PartialDateScalar, { nullable: true, description: 'From the start of this date (inclusive).' }) from: string | undefined,
    @Arg('to', () => PartialDateScalar, { nullable: true, description: 'To the end of this date (inclusive).' }) to: string | undefined,
    @Arg('kinds', () => [EntityKind], { nullable: true, description: 'Which kinds; reforms, guidelines, products (approvals) and events when omitted.' }) kinds: Kind[] | undefined,
    @Ctx() ctx: Context,
  ) {
    const entities = await timeline(ctx.executor, kinds?.length ? kinds : TIMELINE_KINDS, from, to);
    return entities.map((node) => ({ date: node.date as string, kind: node.kind, title: timelineTitle(node), node }));
  }

  @Query(() => Path, { nullable: true, description: 'A shortest path between two nodes (citations and findings left out), or null if none within maxHops.' })
  async path(
    @Arg('fromId', () => ID, { description: 'Start node id.' }) fromId: string,
    @Arg('toId', () => ID, { description: 'End node id.' }) toId: string,
    @Arg('maxHops', () => Int, { defaultValue: 4, description: `Longest path to consider: 1 to ${CAPS.maxHops}.` }) maxHops: number,
    @Ctx() ctx: Context,
  ) {
    within(maxHops, 1, CAPS.maxHops, 'maxHops');
    const [start] = await Promise.all([mustExist(ctx, fromId), mustExist(ctx, toId)]);
    if (fromId === toId) return { nodes: [start], relationships: [], length: 0 };
    const path = await shortestPath(ctx.executor, fromId, toId, maxHops, DEFAULT_EXCLUDED);
    return path && { ...path, length: path.relationships.length };
  }

  @Query(() => Subgraph, { description: 'A node and its neighbours within `depth` hops, with the relationships among them, for drawing.' })
  async neighborhood(
    @Arg('id', () => ID, { description: 'The centre node id.' }) id: string,
    @Arg('depth', () => Int, { defaultValue: 1, description: `Hops from the centre: 1 to ${CAPS.depth}.` }) depth: number,
    @Arg('limit', () => Int, { defaultValue: 50, description: `Most nodes besides the centre: 1 to ${CAPS.neighborhoodLimit}.` }) limit: number,
    @Arg('excludeTypes', () => [RelationshipType], { nullable: true, description: 'Leave these relationship types out; CITES and CONCERNS when omitted.' }) excluded: string[] | undefined,
    @Ctx() ctx: Context,
  ) {
    within(depth, 1, CAPS.depth, 'depth');
    within(limit, 1, CAPS.neighborhoodLimit, 'limit');
    const result = await neighborhood(ctx.executor, id, depth, limit, excluded ?? DEFAULT_EXCLUDED);
    if (!result) throw notFound(`No node with id "${id}"`);
    return result;
  }

  @Query(() => [Finding], { description: 'Disagreements among the article\'s figures, found by recomputation (npm run check).' })
  inconsistencies(@Ctx() ctx: Context) {
    return allFindings(ctx.executor);
  }
}
