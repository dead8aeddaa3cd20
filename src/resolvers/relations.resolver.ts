/**
 * The relationship fields of every node type, generated from src/graph/read/relations.ts: the list
 * (or single) field as before, now with `first`, and its `<field>Connection` twin, whose edges carry
 * the relationship's provenance. The values were read with the parent node in the request's one
 * statement; each resolver only picks its own out by response key.
 */
import { type ClassType, Arg, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Entity } from '../graph/entities.js';
import type { Kind } from '../graph/model.js';
import { relatedOf, toEntities, toRelatedConnection } from '../graph/read/decode.js';
import { CONNECTION_SUFFIX, RELATION_FIELDS, type RelationSpec, type Target } from '../graph/read/relations.js';
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

function listField(target: ClassType, name: string, spec: RelationSpec): void {
  const type = TYPES[spec.to];
  if (spec.one) {
    defineField(target, name, (root: Entity, info: GraphQLResolveInfo) => toEntities(relatedOf(root, info.path.key as string) as never[])[0] ?? null, {
      method: FieldResolver(() => type, { nullable: true, description: spec.description }),
      params: [Root(), Info()],
    });
    return;
  }
  defineField(target, name, (root: Entity, info: GraphQLResolveInfo) => toEntities(relatedOf(root, info.path.key as string) as never[]), {
    method: FieldResolver(() => [type], { description: `${spec.description} In date, name and id order.` }),
    params: [Root(), Info(), firstArg('items')],
  });
  const Connection = RelationshipConnection(spec.to, () => type);
  defineField(target, `${name}${CONNECTION_SUFFIX}`, (root: Entity, info: GraphQLResolveInfo) => toRelatedConnection(relatedOf(root, info.path.key as string) as never), {
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
