/**
 * The relationship fields of every node type, generated from src/graph/model.ts (RELATION_FIELDS): the list
 * (or single) field as before, now with `first`, and its `<field>Connection` twin, whose edges carry
 * the relationship's provenance. The values were read with the parent node in the request's one
 * statement; each resolver only picks its own out by response key.
 */
import { type ClassType, Arg, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Entity } from '../graph/entities.js';
import type { Kind } from '../graph/model.js';
import { relatedOf, toEntities, toRelatedConnection } from '../graph/read/decode.js';
import { CONNECTION_SUFFIX, RELATION_FIELDS, type RelationSpec, type Target } from '../graph/model.js';
import { Event, Guideline, Pathway, Reform } from '../schema/instruments.type.js';
import { Node } from '../schema/node.interface.js';
import { Classification, Product, Reference, Sponsor, Target as TargetType } from '../schema/products.type.js';
import { Agency, Department, Track } from '../schema/regulators.type.js';
import { RelationshipConnection } from '../schema/relationship-connection.type.js';
import { EntityKind } from '../schema/enums.js';
import { whereType } from '../schema/where.input.js';
import { Finding, Statistic } from '../schema/statistics.type.js';
import { Claim } from '../schema/claims.type.js';

export const TYPES: Record<Target, ClassType | typeof Node> = {
  Agency, Department, Track, Guideline, Reform, Pathway, Event, Product, Target: TargetType, Sponsor, Classification, Statistic, Claim, Reference, Finding, Node,
};

type Decorators = { method: MethodDecorator; params: Array<ReturnType<typeof Root>> };

/** Adds method `name` to the class and decorates it as type-graphql's decorators would in source. */
function defineField(target: ClassType, name: string, resolve: (...args: any[]) => unknown, { method, params }: Decorators): void {
  Object.defineProperty(target.prototype, name, { value: resolve, writable: true, configurable: true });
  params.forEach((decorate, index) => decorate(target.prototype, name, index));
  method(target.prototype, name, Object.getOwnPropertyDescriptor(target.prototype, name)!);
}

const firstArg = (what: string) =>
  Arg('first', () => Int, { nullable: true, description: `How many ${what}: default 20, at most 100.` });

/** What each relationship field serves: its value, read with the parent, picked by response key. */
const SERVE = {
  one: (root: Entity, info: GraphQLResolveInfo) => toEntities(relatedOf(root, info.path.key as string) as never[])[0] ?? null,
  list: (root: Entity, info: GraphQLResolveInfo) => toEntities(relatedOf(root, info.path.key as string) as never[]),
  connection: (root: Entity, info: GraphQLResolveInfo) => toRelatedConnection(relatedOf(root, info.path.key as string) as never),
};

function listField(target: ClassType, name: string, spec: RelationSpec): void {
  const type = TYPES[spec.to];
  if (spec.one) {
    defineField(target, name, SERVE.one, {
      method: FieldResolver(() => type, { nullable: true, description: spec.description }),
      params: [Root(), Info()],
    });
    return;
  }
  defineField(target, name, SERVE.list, {
    method: FieldResolver(() => [type], { description: `${spec.description} In date, name and id order.` }),
    params: [Root(), Info(), firstArg('items')],
  });
  const Connection = RelationshipConnection(spec.to, () => type);
  defineField(target, `${name}${CONNECTION_SUFFIX}`, SERVE.connection, {
    method: FieldResolver(() => Connection, { description: `${spec.description} As a connection whose edges carry the relationship's provenance, in name and id order.` }),
    params: [
      Root(),
      Info(),
      firstArg('edges'),
      Arg('after', () => String, { nullable: true, description: "Edges after this cursor (a previous page's endCursor)." }),
      spec.to === 'Node'
        ? Arg('kinds', () => [EntityKind], { nullable: true, description: 'Only nodes of these kinds (totalCount counts those).' })
        : Arg('where', () => whereType(spec.to as Kind), { nullable: true, description: 'Only edges to nodes that match (totalCount counts those).' }),
    ],
  });
}

function relationsResolver(kind: Kind, fields: Record<string, RelationSpec>): ClassType {
  const target = { [`${kind}Relations`]: class {} }[`${kind}Relations`] as ClassType;
  for (const [name, spec] of Object.entries(fields)) listField(target, name, spec);
  Resolver(() => TYPES[kind])(target);
  return target;
}

export const RELATION_RESOLVERS = Object.entries(RELATION_FIELDS).map(([kind, fields]) => relationsResolver(kind as Kind, fields!));

/**
 * Points the built schema's relationship fields straight at what they serve. Their arguments were
 * compiled into the request's statement by the root field, so type-graphql's per-call work (an
 * instance of the resolver class, the parent converted to its class, each argument converted) buys
 * nothing here; on AgencyStructure (5 agencies, 6 relationship fields each) it was a sixth of the
 * API's CPU per request. The decorators above still define the fields, their types and arguments.
 */
export function serveRelationsDirectly(schema: GraphQLSchema): void {
  for (const [kind, fields] of Object.entries(RELATION_FIELDS)) {
    const type = schema.getType(kind);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`${kind} is not an object type of the schema`);
    const defined = type.getFields();
    for (const [name, spec] of Object.entries(fields!)) {
      const serve = spec.one ? SERVE.one : SERVE.list;
      defined[name].resolve = (root: Entity, _args, _context, info) => serve(root, info);
      if (!spec.one) defined[`${name}${CONNECTION_SUFFIX}`].resolve = (root: Entity, _args, _context, info) => SERVE.connection(root, info);
    }
  }
}
