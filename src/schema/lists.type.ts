import { type ClassType, Field, ObjectType } from 'type-graphql';
import { Aggregate, LIST_AGGREGATE } from './aggregate.type.js';
import { Connection } from './connection.type.js';
import { Event, Guideline, Pathway, Reform } from './instruments.type.js';
import { Classification, Product, Reference, Sponsor, Target } from './products.type.js';
import { Agency, Department, Track } from './regulators.type.js';
import { Statistic } from './statistics.type.js';
import { Claim } from './claims.type.js';

/**
 * A top-level list's connection: a page, plus what can be said of all its matches (`aggregate`,
 * and `facets`, whose arguments are served by src/resolvers/facets.resolver.ts).
 */
function ListConnection<T extends object>(NodeType: ClassType<T>) {
  @ObjectType({ simpleResolvers: true })
  abstract class ListConnectionType extends Connection(NodeType) {
    @Field(() => Aggregate, { description: LIST_AGGREGATE })
    aggregate!: Aggregate;
  }
  return ListConnectionType;
}

@ObjectType({ simpleResolvers: true, description: 'A page of agencies.' })
export class AgencyConnection extends ListConnection(Agency) {}
@ObjectType({ simpleResolvers: true, description: 'A page of CDE departments.' })
export class DepartmentConnection extends ListConnection(Department) {}
@ObjectType({ simpleResolvers: true, description: 'A page of regulatory tracks.' })
export class TrackConnection extends ListConnection(Track) {}
@ObjectType({ simpleResolvers: true, description: 'A page of guidelines.' })
export class GuidelineConnection extends ListConnection(Guideline) {}
@ObjectType({ simpleResolvers: true, description: 'A page of reforms.' })
export class ReformConnection extends ListConnection(Reform) {}
@ObjectType({ simpleResolvers: true, description: 'A page of pathways.' })
export class PathwayConnection extends ListConnection(Pathway) {}
@ObjectType({ simpleResolvers: true, description: 'A page of events.' })
export class EventConnection extends ListConnection(Event) {}
@ObjectType({ simpleResolvers: true, description: 'A page of products.' })
export class ProductConnection extends ListConnection(Product) {}
@ObjectType({ simpleResolvers: true, description: 'A page of targets.' })
export class TargetConnection extends ListConnection(Target) {}
@ObjectType({ simpleResolvers: true, description: 'A page of sponsors.' })
export class SponsorConnection extends ListConnection(Sponsor) {}
@ObjectType({ simpleResolvers: true, description: 'A page of classifications.' })
export class ClassificationConnection extends ListConnection(Classification) {}
@ObjectType({ simpleResolvers: true, description: 'A page of statistics.' })
export class StatisticConnection extends ListConnection(Statistic) {}
@ObjectType({ simpleResolvers: true, description: 'A page of claims.' })
export class ClaimConnection extends ListConnection(Claim) {}
@ObjectType({ simpleResolvers: true, description: 'A page of references.' })
export class ReferenceConnection extends ListConnection(Reference) {}
