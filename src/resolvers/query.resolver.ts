import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { KINDS, type Kind } from '../graph/model.js';
import { luceneQuery } from '../graph/read/lucene.js';
import { child, type Selection } from '../graph/read/statement.js';
import type { GraphAt } from '../graph/changes/feed.js';
import { CAPS, findingsUnit, lagsUnit, neighborhoodUnit, nodesUnit, pathUnit, planFindings, planNeighborhood, planNodes, planPath, planSearch, planTimeline, searchPageUnit, searchUnit, timelineUnit, type SearchEdge } from '../graph/read/questions.js';
import { dateEnd, dateStart } from '../graph/seeds/properties.js';
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
  ClaimFilter,
} from '../schema/filters.input.js';
import * as Lists from '../schema/lists.type.js';
import { Node } from '../schema/node.interface.js';
import { Finding, Metric } from '../schema/statistics.type.js';
import { metricTerms } from '../graph/seeds/vocabulary.js';
import { Reference } from '../schema/products.type.js';
import { PartialDateScalar } from '../schema/scalars.js';
import { Path, ReformLag, SearchConnection, SearchHit, Subgraph, TimelineEntry } from '../schema/traversal.type.js';
import { paginate } from './pagination.js';
import { connectionOf } from '../graph/read/connection.js';
import { whereType } from '../schema/where.input.js';
import type { WhereInput } from '../graph/read/where.js';
import { selectionOf } from './selection.js';
import { AS_OF_DESCRIPTION, AS_OF_TIME_DESCRIPTION, entitiesAsOf, graphAsOf, pinnedSeq, selectsRelationships, statesAsOf, TIMELINE_AS_OF_DESCRIPTION } from '../versions/as-of.js';

const WHERE_DESCRIPTION = 'Conditions on the items and on the nodes related to them (@neo4j/graphql style); combined with `filter` by AND.';

/** Search hands over this many ranked hits per requested one before filtering by kind. */
const SEARCH_SCAN_FACTOR = 10;
/** searchConnection pages and counts among this many best matches. */
const SEARCH_PAGE_SCAN = 1000;

/** The long spellings of the two short id prefixes ("reference:7" is "ref:7"). */
const ID_PREFIXES: Record<string, string> = { reference: 'ref', statistic: 'stat' };

function canonicalId(id: string): string {
  const colon = id.indexOf(':');
  const prefix = ID_PREFIXES[id.slice(0, colon)];
  return colon > 0 && prefix ? `${prefix}${id.slice(colon)}` : id;
}

/** Search text: not blank, at most 200 characters (search and searchConnection). */
function checkSearchText(text: string): void {
  if (!text.trim()) throw badUserInput('"text" must not be empty', 'text');
  if (text.length > 200) throw badUserInput('"text" is limited to 200 characters', 'text');
}

const INCLUDE_RETRACTED =
  'Also answer a retracted entity (`retracted: true`, its properties as they were); its relationship fields, and those of every node below, follow retracted links too (they were retracted with it). Without it a retracted id answers null, as everywhere else.';
const INCLUDE_RETRACTED_HERE = 'Also retracted entities and retracted links (each marked `retracted: true`); hidden when false, as everywhere else.';

function timelineTitle(entity: { kind: string; name: string }): string {
  return entity.kind === 'Product' ? `Approval in China: ${entity.name}` : `${entity.kind}: ${entity.name}`;
}

/**
 * Nodes by id, as they stand or as of a change set. As of one, their own fields are read from the log
 * by id (any seq back); relationship fields below them need the graph as it stood (a bounded read of
 * the log since), then one statement reads them (questions.ts nodesUnit).
 */
async function nodesRead(ctx: Context, ids: string[], selection: Selection, includeRetracted: boolean, asOf: number | undefined | null, asOfTime: string | undefined | null) {
  const plan = planNodes(ids, selection, ctx.limits);
  if (!asked(asOf, asOfTime)) return ctx.reader.read(nodesUnit(plan, includeRetracted));
  if (includeRetracted) throw bothRetractedAndAsOf();
  if (!selectsRelationships(selection, KINDS, ctx.limits)) return entitiesAsOf(ctx, ids, await pinnedSeq(ctx, asOf, asOfTime));
  return ctx.reader.read(nodesUnit(plan, false, await graphAsOf(ctx, asOf, asOfTime)));
}

const bothRetractedAndAsOf = () => badUserInput('"includeRetracted" and "asOf": a read as of a change set answers what stood then, retracted since or not', 'includeRetracted');

const SEARCH_AS_OF =
  'Answer as the graph stood when this change set committed (a seq): the hits that stood then, with their values then. They are found and ranked by the words they hold now (the index holds the text of now): a name changed since is found by its new words. Read from the change log: up to 20,000 changes back, the states of 5,000 entities changed since.';

const LAGS_AS_OF =
  'Answer as the graph stood when this change set committed (a seq): by the dates then of the entities that stood then. Read from the change log: up to 20,000 changes back, the states of 5,000 entities changed since.';

const TRAVERSAL_AS_OF =
  'Answer as the graph stood when this change set committed (a seq): along the links and through the entities that stood then, each with its values then. Read from the change log: up to 20,000 changes back, the states of 5,000 entities changed since.';

const asked = (asOf: number | undefined | null, asOfTime: string | undefined | null) => (asOf !== undefined && asOf !== null) || Boolean(asOfTime);

/** The graph as it stood at a change set, for a search, a path or a neighbourhood asked `asOf`. */
async function traversalAsOf(ctx: Context, includeRetracted: boolean, asOf: number | undefined | null, asOfTime: string | undefined | null): Promise<GraphAt | undefined> {
  if (includeRetracted) throw bothRetractedAndAsOf();
  return graphAsOf(ctx, asOf, asOfTime);
}

@Resolver()
export class QueryResolver {
  @Query(() => Node, { nullable: true, description: 'The node with this id, or null. Ids are "<prefix>:<slug>": the kind in lower case ("product:ciltacabtagene-autoleucel"), except references ("ref:7") and statistics ("stat:clinical-trials-2017-2024"); "reference:7" and "statistic:…" are accepted too.' })
  async node(
    @Arg('id', () => ID, { description: 'A node id, e.g. "product:ciltacabtagene-autoleucel".' }) id: string,
    @Arg('includeRetracted', () => Boolean, { defaultValue: false, description: INCLUDE_RETRACTED }) includeRetracted: boolean,
    @Arg('asOf', () => Int, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const [node] = await nodesRead(ctx, [canonicalId(id)], selectionOf(info), includeRetracted, asOf, asOfTime);
    return node;
  }

  @Query(() => [Node], { nullable: 'items', description: 'The nodes with these ids, in the same order; null for unknown ids.' })
  nodes(
    @Arg('ids', () => [ID], { description: `Up to ${CAPS.nodesIds} node ids.` }) ids: string[],
    @Arg('includeRetracted', () => Boolean, { defaultValue: false, description: INCLUDE_RETRACTED }) includeRetracted: boolean,
    @Arg('asOf', () => Int, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Joined to this request's one statement in the same tick as the other root fields (no await first).
    return nodesRead(ctx, ids.map(canonicalId), selectionOf(info), includeRetracted, asOf, asOfTime);
  }

  @Query(() => Reference, { nullable: true, description: 'The reference with this number in the article\'s reference list, or null.' })
  async reference(
    @Arg('number', () => Int, { description: 'Its number in the article, e.g. 7.' }) number: number,
    @Arg('asOf', () => Int, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const [node] = await nodesRead(ctx, [`ref:${number}`], selectionOf(info), false, asOf, asOfTime);
    return node;
  }

  @Query(() => Lists.AgencyConnection, { description: 'Regulatory agencies.' })
  agencies(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AgencyFilter, { nullable: true, description: 'Filter.' }) filter: AgencyFilter, @Arg('where', () => whereType('Agency'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Agency', page, filter, info, where);
  }

  @Query(() => Lists.DepartmentConnection, { description: 'CDE departments that review cell therapy products.' })
  departments(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Arg('where', () => whereType('Department'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Department', page, filter, info, where);
  }

  @Query(() => Lists.TrackConnection, { description: 'The two tracks of the dual-track system.' })
  tracks(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Arg('where', () => whereType('Track'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Track', page, filter, info, where);
  }

  @Query(() => Lists.GuidelineConnection, { description: 'Guidelines and regulations.' })
  guidelines(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => GuidelineFilter, { nullable: true, description: 'Filter.' }) filter: GuidelineFilter, @Arg('where', () => whereType('Guideline'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Guideline', page, filter, info, where);
  }

  @Query(() => Lists.ReformConnection, { description: 'Regulatory reforms.' })
  reforms(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ReformFilter, { nullable: true, description: 'Filter.' }) filter: ReformFilter, @Arg('where', () => whereType('Reform'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Reform', page, filter, info, where);
  }

  @Query(() => Lists.PathwayConnection, { description: 'Accelerated and streamlined pathways.' })
  pathways(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Arg('where', () => whereType('Pathway'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Pathway', page, filter, info, where);
  }

  @Query(() => Lists.EventConnection, { description: 'Incidents, approvals abroad and funding rounds.' })
  events(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => EventFilter, { nullable: true, description: 'Filter.' }) filter: EventFilter, @Arg('where', () => whereType('Event'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Event', page, filter, info, where);
  }

  @Query(() => Lists.ProductConnection, { description: 'Cell therapy products approved in China.' })
  products(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ProductFilter, { nullable: true, description: 'Filter.' }) filter: ProductFilter, @Arg('where', () => whereType('Product'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Product', page, filter, info, where);
  }

  @Query(() => Lists.TargetConnection, { description: 'Antigen targets.' })
  targets(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Arg('where', () => whereType('Target'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Target', page, filter, info, where);
  }

  @Query(() => Lists.SponsorConnection, { description: 'Companies holding approved products.' })
  sponsors(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Arg('where', () => whereType('Sponsor'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Sponsor', page, filter, info, where);
  }

  @Query(() => Lists.ClassificationConnection, { description: 'Regulatory classes (the 2024 ATMP classification and registration classes).' })
  classifications(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true, description: 'Filter.' }) filter: NameFilter, @Arg('where', () => whereType('Classification'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Classification', page, filter, info, where);
  }

  @Query(() => Lists.StatisticConnection, { description: 'Figures stated by the article.' })
  statistics(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => StatisticFilter, { nullable: true, description: 'Filter.' }) filter: StatisticFilter, @Arg('where', () => whereType('Statistic'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Statistic', page, filter, info, where);
  }

  @Query(() => Lists.ClaimConnection, { description: 'What the article says in words: challenges, the remedies the authors propose, promoting factors, absences, aims and effects of measures.' })
  claims(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ClaimFilter, { nullable: true, description: 'Filter.' }) filter: ClaimFilter, @Arg('where', () => whereType('Claim'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Claim', page, filter, info, where);
  }

  @Query(() => Lists.ReferenceConnection, { description: 'The article\'s 20 references.' })
  references(@Args(() => PageArgs) page: PageArgs, @Arg('filter', () => DatedFilter, { nullable: true, description: 'Filter.' }) filter: DatedFilter, @Arg('where', () => whereType('Reference'), { nullable: true, description: WHERE_DESCRIPTION }) where: WhereInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(ctx, 'Reference', page, filter, info, where);
  }

  @Query(() => [SearchHit], { description: 'Full-text search over names, aliases (including the article\'s own spellings) and descriptions, best first.' })
  search(
    @Arg('text', () => String, { description: 'Words to look for; each also matches as a prefix.' }) text: string,
    @Arg('kinds', () => [EntityKind], { nullable: true, description: 'Only these kinds.' }) kinds: Kind[] | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'How many hits: default 20, at most 100.' }) first: number | undefined,
    @Arg('includeRetracted', () => Boolean, { defaultValue: false, description: INCLUDE_RETRACTED_HERE }) includeRetracted: boolean,
    @Arg('asOf', () => Int, { nullable: true, description: SEARCH_AS_OF }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkSearchText(text);
    const lucene = luceneQuery(text);
    const asOfAsked = asked(asOf, asOfTime);
    // As of a change set, more hits are scanned: those that did not stand then are dropped after ranking.
    const plan = planSearch({ lucene, kinds, first, scan: (size) => (kinds?.length || asOfAsked ? size * SEARCH_SCAN_FACTOR : size) }, child(selectionOf(info), 'node'), ctx.limits);
    if (!lucene) return [];
    const read = (graph?: GraphAt) => ctx.reader.read(searchUnit(plan, includeRetracted, graph));
    // A current search joins the request's one statement in the same tick as the other root fields (no await first).
    return asOfAsked ? traversalAsOf(ctx, includeRetracted, asOf, asOfTime).then(read) : read();
  }

  @Query(() => SearchConnection, {
    description: `Full-text search that pages: names, aliases, descriptions, the article's quoted words and figures ("187"), best first, with the total and the counts per kind, among the best ${SEARCH_PAGE_SCAN} matches.`,
  })
  async searchConnection(
    @Arg('text', () => String, { description: 'Words to look for; each also matches as a prefix.' }) text: string,
    @Arg('kinds', () => [EntityKind], { nullable: true, description: 'Only these kinds (the counts per kind still cover every kind).' }) kinds: Kind[] | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'How many hits: default 20, at most 100.' }) first: number | undefined,
    @Arg('after', () => String, { nullable: true, description: 'Hits after this cursor (a previous page\'s endCursor).' }) after: string | undefined,
    @Arg('includeRetracted', () => Boolean, { defaultValue: false, description: INCLUDE_RETRACTED_HERE }) includeRetracted: boolean,
    @Arg('asOf', () => Int, { nullable: true, description: SEARCH_AS_OF }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkSearchText(text);
    const lucene = luceneQuery(text);
    const selection = selectionOf(info);
    const counts = Boolean(child(selection, 'totalCount') || child(selection, 'kinds') || child(selection, 'totalCountIsExact'));
    const plan = planSearch({ lucene, kinds, first, scan: SEARCH_PAGE_SCAN, page: { words: text.split(/\s+/), after, counts } }, child(child(selection, 'edges'), 'node'), ctx.limits);
    const graph = asked(asOf, asOfTime) ? await traversalAsOf(ctx, includeRetracted, asOf, asOfTime) : undefined;
    const page = lucene ? await ctx.reader.read(searchPageUnit(plan, includeRetracted, graph)) : { ...connectionOf([], plan.first, Boolean(after), (edge: SearchEdge) => edge), kinds: [] };
    const scanned = page.kinds.reduce((sum, k) => sum + Number(k.count), 0);
    return {
      edges: page.edges,
      pageInfo: page.pageInfo,
      totalCount: page.kinds.filter((k) => !kinds?.length || kinds.includes(k.kind)).reduce((sum, k) => sum + Number(k.count), 0),
      totalCountIsExact: scanned < SEARCH_PAGE_SCAN,
      kinds: page.kinds,
    };
  }

  @Query(() => [ReformLag], { description: 'The reforms that took effect in a year before the product\'s approval, oldest first, with the lag.' })
  async reformsPreceding(
    @Arg('productId', () => ID, { description: 'A product id.' }) productId: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many reforms: default 20, at most 100.' }) _first: number | undefined,
    @Arg('asOf', () => Int, { nullable: true, description: LAGS_AS_OF }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const graph = asked(asOf, asOfTime) ? await traversalAsOf(ctx, false, asOf, asOfTime) : undefined;
    const lags = await ctx.reader.read(lagsUnit('preceding', productId, selectionOf(info), graph));
    if (!lags) throw notFound(`No Product with id "${productId}"${graph ? ` as of change set ${graph.seq}` : ''}`);
    return lags;
  }

  @Query(() => [ReformLag], { description: 'The product approvals in a year after the reform took effect, oldest first, with the lag.' })
  async approvalsFollowing(
    @Arg('reformId', () => ID, { description: 'A reform id.' }) reformId: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many approvals: default 20, at most 100.' }) _first: number | undefined,
    @Arg('asOf', () => Int, { nullable: true, description: LAGS_AS_OF }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const graph = asked(asOf, asOfTime) ? await traversalAsOf(ctx, false, asOf, asOfTime) : undefined;
    const lags = await ctx.reader.read(lagsUnit('following', reformId, selectionOf(info), graph));
    if (!lags) throw notFound(`No Reform with id "${reformId}"${graph ? ` as of change set ${graph.seq}` : ''}`);
    return lags;
  }

  @Query(() => [TimelineEntry], { description: 'Dated reforms, guidelines, approvals and events, in date order.' })
  async timeline(
    @Arg('from', () => PartialDateScalar, { nullable: true, description: 'From the start of this date (inclusive).' }) from: string | undefined,
    @Arg('to', () => PartialDateScalar, { nullable: true, description: 'To the end of this date (inclusive).' }) to: string | undefined,
    @Arg('kinds', () => [EntityKind], { nullable: true, description: 'Which kinds; reforms, guidelines, products (approvals) and events when omitted.' }) kinds: Kind[] | undefined,
    @Arg('first', () => Int, { defaultValue: 100, description: `How many entries, from the earliest: 1 to ${CAPS.timeline}.` }) first: number,
    @Arg('includeRetracted', () => Boolean, { defaultValue: false, description: INCLUDE_RETRACTED_HERE }) includeRetracted: boolean,
    @Arg('asOf', () => Int, { nullable: true, description: TIMELINE_AS_OF_DESCRIPTION }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const selection = child(selectionOf(info), 'node');
    const plan = planTimeline(kinds, from ? dateStart(from) : '0000-01-01', to ? dateEnd(to) : '9999-12-31', first, selection, ctx.limits);
    // Awaited only when asked: a current timeline joins the request's one statement in field order.
    const states = asOf != null || asOfTime ? await statesAsOf(ctx, plan.kinds, asOf, asOfTime, selectsRelationships(selection, plan.kinds, ctx.limits)) : undefined;
    const unit = timelineUnit(plan, includeRetracted, states);
    const entities = await ctx.reader.read(unit);
    return entities.map((node) => ({ date: node.date as string, kind: node.kind, title: timelineTitle(node), node }));
  }

  @Query(() => Path, { nullable: true, description: 'A shortest path between two nodes (citations and findings left out), or null if none within maxHops.' })
  async path(
    @Arg('fromId', () => ID, { description: 'Start node id.' }) fromId: string,
    @Arg('toId', () => ID, { description: 'End node id.' }) toId: string,
    @Arg('maxHops', () => Int, { defaultValue: 4, description: `Longest path to consider: 1 to ${CAPS.maxHops}.` }) maxHops: number,
    @Arg('includeInferred', () => Boolean, { defaultValue: true, description: 'Whether the path may use relationships the graph infers (Source.inferred); false keeps to what the article states.' }) includeInferred: boolean,
    @Arg('includeRetracted', () => Boolean, { defaultValue: false, description: INCLUDE_RETRACTED_HERE }) includeRetracted: boolean,
    @Arg('asOf', () => Int, { nullable: true, description: TRAVERSAL_AS_OF }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const selection = selectionOf(info);
    const plan = planPath(fromId, toId, maxHops, includeInferred, selection, ctx.limits);
    const graph = asked(asOf, asOfTime) ? await traversalAsOf(ctx, includeRetracted, asOf, asOfTime) : undefined;
    const then = graph ? ` as of change set ${graph.seq}` : '';
    if (fromId === toId) {
      const [node] = await ctx.reader.read(nodesUnit(planNodes([fromId], child(selection, 'nodes'), ctx.limits), includeRetracted, graph));
      if (!node) throw notFound(`No node with id "${fromId}"${then}`);
      return { nodes: [node], relationships: [], length: 0 };
    }
    const path = await ctx.reader.read(pathUnit(plan, includeRetracted, graph));
    if (!path.found) throw notFound(`No node with id "${fromId}" or "${toId}"${then}`);
    return path.nodes.length ? { nodes: path.nodes, relationships: path.relationships, length: path.relationships.length } : null;
  }

  @Query(() => Subgraph, { description: 'A node and its neighbours within `depth` hops, with the relationships among them, for drawing.' })
  async neighborhood(
    @Arg('id', () => ID, { description: 'The centre node id.' }) id: string,
    @Arg('depth', () => Int, { defaultValue: 1, description: `Hops from the centre: 1 to ${CAPS.depth}.` }) depth: number,
    @Arg('limit', () => Int, { defaultValue: 50, description: `Most nodes besides the centre: 1 to ${CAPS.neighborhoodLimit}. When more are within reach, the nearest rings are kept and \`truncated\` is true.` }) limit: number,
    @Arg('excludeTypes', () => [RelationshipType], { nullable: true, description: 'Leave these relationship types out; CITES and CONCERNS when omitted.' }) excluded: string[] | undefined,
    @Arg('includeInferred', () => Boolean, { defaultValue: true, description: 'Whether to follow relationships the graph infers (Source.inferred); false keeps to what the article states.' }) includeInferred: boolean,
    @Arg('includeRetracted', () => Boolean, { defaultValue: false, description: INCLUDE_RETRACTED_HERE }) includeRetracted: boolean,
    @Arg('asOf', () => Int, { nullable: true, description: TRAVERSAL_AS_OF }) asOf: number | undefined,
    @Arg('asOfTime', () => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION }) asOfTime: string | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const plan = planNeighborhood(id, depth, limit, excluded, includeInferred, selectionOf(info), ctx.limits);
    // Awaited only when asked: a current neighbourhood joins the request's one statement in field order.
    const graph = asked(asOf, asOfTime) ? await traversalAsOf(ctx, includeRetracted, asOf, asOfTime) : undefined;
    const result = await ctx.reader.read(neighborhoodUnit(plan, includeRetracted, graph));
    if (!result.found) throw notFound(`No node with id "${id}"${graph ? ` as of change set ${graph.seq}` : ''}`);
    return result;
  }

  @Query(() => [Metric], { description: 'The metrics statistics are measured in, with their units and descriptions (from seeds/vocabulary/metrics.json; use a name in `statistics(where: {metric: {eq: …}})`).' })
  metrics(): Metric[] {
    return metricTerms();
  }

  @Query(() => [Finding], { description: 'Disagreements among the article\'s figures, found by recomputation (npm run check).' })
  inconsistencies(
    @Arg('first', () => Int, { defaultValue: 100, description: `How many findings, by id: 1 to ${CAPS.findings}.` }) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.reader.read(findingsUnit(planFindings(first, selectionOf(info), ctx.limits)));
  }
}
