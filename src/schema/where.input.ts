/**
 * The `where` input types, generated per kind from the same tables the compiler reads
 * (src/graph/read/where.ts), so a field cannot be offered that the compiler does not know:
 * `<Kind>Where` with one operator input per scalar field, `cites`, `AND`/`OR`/`NOT`, and a
 * `<Kind>RelationWhere` (some/none/all/single) per relationship field.
 */
import { Field, Float, InputType, Int } from 'type-graphql';
import { KINDS, type Kind } from '../graph/model.js';
import { PROVENANCE_FIELDS, WHERE_FIELDS, whereRelations, type ScalarKind } from '../graph/read/where.js';
import { PartialDateScalar } from './scalars.js';

@InputType({ description: 'Conditions on a text field (case-sensitive, as in @neo4j/graphql).' })
export class StringFilter {
  @Field(() => String, { nullable: true, description: 'Equal to.' })
  eq?: string;
  @Field(() => [String], { nullable: true, description: 'Equal to one of these (at most 1,000).' })
  in?: string[];
  @Field(() => String, { nullable: true, description: 'Contains this text.' })
  contains?: string;
  @Field(() => String, { nullable: true, description: 'Starts with this text.' })
  startsWith?: string;
  @Field(() => String, { nullable: true, description: 'Ends with this text.' })
  endsWith?: string;
}

function numberFilter(name: string, type: typeof Int | typeof Float) {
  @InputType(name, { description: `Conditions on a${type === Int ? 'n integer' : ' number'} field.` })
  class NumberFilter {
    @Field(() => type, { nullable: true, description: 'Equal to.' })
    eq?: number;
    @Field(() => [type], { nullable: true, description: 'Equal to one of these (at most 1,000).' })
    in?: number[];
    @Field(() => type, { nullable: true, description: 'Less than.' })
    lt?: number;
    @Field(() => type, { nullable: true, description: 'Less than or equal to.' })
    lte?: number;
    @Field(() => type, { nullable: true, description: 'Greater than.' })
    gt?: number;
    @Field(() => type, { nullable: true, description: 'Greater than or equal to.' })
    gte?: number;
  }
  return NumberFilter;
}
export const IntFilter = numberFilter('IntFilter', Int);
export const FloatFilter = numberFilter('FloatFilter', Float);

@InputType({ description: 'Conditions on a yes/no field (left out in the seeds means no).' })
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true, description: 'Equal to.' })
  eq?: boolean;
}

@InputType({ description: 'Conditions on a date at the precision the article gives ("2017", "2020-07"). `gte: "2020"` means from 1 January 2020, `lte: "2020"` up to 31 December 2020.' })
export class DateFilter {
  @Field(() => PartialDateScalar, { nullable: true, description: 'Exactly this date, at this precision.' })
  eq?: string;
  @Field(() => PartialDateScalar, { nullable: true, description: 'Before the start of this date.' })
  lt?: string;
  @Field(() => PartialDateScalar, { nullable: true, description: 'Up to the end of this date.' })
  lte?: string;
  @Field(() => PartialDateScalar, { nullable: true, description: 'After the end of this date.' })
  gt?: string;
  @Field(() => PartialDateScalar, { nullable: true, description: 'From the start of this date.' })
  gte?: string;
}

const FILTERS: Record<ScalarKind, () => Function> = {
  String: () => StringFilter,
  Int: () => IntFilter,
  Float: () => FloatFilter,
  Boolean: () => BooleanFilter,
  Date: () => DateFilter,
};

const whereTypes = new Map<Kind, Function>();
const relationTypes = new Map<Kind, Function>();

/** A class with the given name (type-graphql names a type after its class unless told otherwise). */
function named(name: string): new () => object {
  return { [name]: class {} }[name];
}

/** `<Kind>RelationWhere`: how the nodes of a kind at the other end of a relationship must match. */
function relationWhere(kind: Kind): Function {
  let type = relationTypes.get(kind);
  if (type) return type;
  type = named(`${kind}RelationWhere`);
  relationTypes.set(kind, type);
  const what = {
    some: 'At least one related node matches.',
    none: 'No related node matches.',
    all: 'Every related node matches (also true when there are none).',
    single: 'Exactly one related node matches.',
  };
  for (const [key, description] of Object.entries(what)) Field(() => whereType(kind), { nullable: true, description })(type.prototype, key);
  InputType(`${kind}RelationWhere`, { description: `Conditions on the ${kind} nodes at the other end of a relationship.` })(type);
  return type;
}

/** `<Kind>Where`: the conditions a node of `kind` can be tested on. */
export function whereType(kind: Kind): Function {
  let type = whereTypes.get(kind);
  if (type) return type;
  type = named(`${kind}Where`);
  whereTypes.set(kind, type);
  for (const [field, scalar] of Object.entries(WHERE_FIELDS[kind])) {
    Field(FILTERS[scalar], { nullable: true, description: PROVENANCE_FIELDS[field]?.description ?? `Conditions on \`${field}\`.` })(type.prototype, field);
  }
  Field(() => Int, { nullable: true, description: 'Its provenance cites the reference with this number.' })(type.prototype, 'cites');
  for (const [field, spec] of whereRelations(kind)) {
    const relation = relationWhere(spec.to);
    Field(() => relation, { nullable: true, description: `Through \`${field}\`: ${spec.description}` })(type.prototype, field);
  }
  const self = type;
  Field(() => [self], { nullable: true, description: 'Every one of these matches.' })(type.prototype, 'AND');
  Field(() => [self], { nullable: true, description: 'At least one of these matches.' })(type.prototype, 'OR');
  Field(() => self, { nullable: true, description: 'This does not match.' })(type.prototype, 'NOT');
  InputType(`${kind}Where`, { description: `Conditions on ${kind} nodes, combined with AND unless AND/OR/NOT say otherwise.` })(type);
  return type;
}

// type-graphql builds the input types it knows of before it reads the resolvers' arguments, so
// every where type is declared now, not when a resolver first asks for it.
for (const kind of KINDS) whereType(kind);
