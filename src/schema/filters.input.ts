import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { SortDirection, SortField } from './enums.js';
import { AS_OF_TIME_DESCRIPTION, LIST_AS_OF_DESCRIPTION } from '../versions/as-of.js';

@InputType({ description: 'How to order a list.' })
export class OrderBy {
  @Field(() => SortField, { description: 'The key to order by.' })
  field!: SortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'ASC or DESC.' })
  direction!: SortDirection;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: default 20, at most 100.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (a previous page\'s endCursor).' })
  after?: string;

  @Field(() => OrderBy, { nullable: true, description: 'Order; by name when omitted.' })
  orderBy?: OrderBy;

  @Field(() => [OrderBy], {
    nullable: true,
    description: 'Order by several keys, the first deciding (e.g. year descending, then name): at most 3, each once; not with `orderBy`. Ties are broken by id; a missing value sorts last ascending and first descending.',
  })
  sort?: OrderBy[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Include retracted entities of the kind (`retracted: true`; `retracted(id)` says why), paged with the others, in `totalCount`, `aggregate` and `facets`; traversals below follow retracted links too. Filters that name a node (target, sponsor, a where on a relationship) follow live links only. Default false.',
  })
  includeRetracted?: boolean;

  @Field(() => Int, { nullable: true, description: LIST_AS_OF_DESCRIPTION })
  asOf?: number;

  @Field(() => String, { nullable: true, description: AS_OF_TIME_DESCRIPTION })
  asOfTime?: string;
}

@InputType({ description: 'Filter by name, alias or description text.' })
export class NameFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive text in the name, aliases, stated spelling or description.' })
  nameContains?: string;
}

@InputType({ description: 'Filter agencies.' })
export class AgencyFilter extends NameFilter {
  @Field(() => String, { nullable: true, description: '"current" or "former".' })
  status?: string;
}

@InputType({ description: 'Filter dated entities by year.' })
export class DatedFilter extends NameFilter {
  @Field(() => Int, { nullable: true, description: 'Dated in or after this year.' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Dated in or before this year.' })
  yearTo?: number;
}

@InputType({ description: 'Filter guidelines.' })
export class GuidelineFilter extends DatedFilter {
  @Field(() => ID, { nullable: true, description: 'Issued by this agency (id).' })
  issuedBy?: string;
}

@InputType({ description: 'Filter reforms.' })
export class ReformFilter extends DatedFilter {
  @Field(() => ID, { nullable: true, description: 'Enacted by this agency (id).' })
  enactedBy?: string;
}

@InputType({ description: 'Filter events.' })
export class EventFilter extends DatedFilter {
  @Field(() => String, { nullable: true, description: '"incident", "approval abroad" or "funding".' })
  eventType?: string;
}

@InputType({ description: 'Filter claims.' })
export class ClaimFilter extends NameFilter {
  @Field(() => String, { nullable: true, description: '"challenge", "recommendation", "promoting factor", "absence", "aim", "effect", "measure", "trend", "outlook", "history" or "context".' })
  claimType?: string;
}

@InputType({ description: 'Filter products.' })
export class ProductFilter extends NameFilter {
  @Field(() => ID, { nullable: true, description: 'Products aimed at this target (id, e.g. "target:bcma").' })
  target?: string;

  @Field(() => ID, { nullable: true, description: 'Products held by this sponsor (id).' })
  sponsor?: string;

  @Field(() => Int, { nullable: true, description: 'Approved in or after this year.' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Approved in or before this year.' })
  yearTo?: number;
}

@InputType({ description: 'Filter statistics.' })
export class StatisticFilter extends NameFilter {
  @Field(() => String, { nullable: true, description: 'The metric, e.g. "clinical_trials".' })
  metric?: string;

  @Field(() => Int, { nullable: true, description: 'Figures whose date or period covers this year (either; see dateYear and periodCovers).' })
  year?: number;

  @Field(() => Int, { nullable: true, description: 'Figures for a point in time in this year (dated figures only, e.g. registrations in 2024).' })
  dateYear?: number;

  @Field(() => Int, { nullable: true, description: 'Figures for a period that includes this year (e.g. 2017-2024 totals for 2020), not dated ones.' })
  periodCovers?: number;

  @Field(() => String, { nullable: true, description: 'Breakdown figures along this dimension, e.g. "phase".' })
  dimension?: string;
}
