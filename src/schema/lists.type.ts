import { ObjectType } from 'type-graphql';
import { Connection } from './connection.type.js';
import { Event, Guideline, Pathway, Reform } from './instruments.type.js';
import { Classification, Product, Reference, Sponsor, Target } from './products.type.js';
import { Agency, Department, Track } from './regulators.type.js';
import { Statistic } from './statistics.type.js';
import { Claim } from './claims.type.js';

// A top-level list's connection: a page, plus what can be said of all its matches (`aggregate` and
// `facets`, both defined and served by src/resolvers/facets.resolver.ts).

@ObjectType({ simpleResolvers: true, description: 'A page of agencies.' })
export class AgencyConnection extends Connection(Agency) {}
@ObjectType({ simpleResolvers: true, description: 'A page of CDE departments.' })
export class DepartmentConnection extends Connection(Department) {}
@ObjectType({ simpleResolvers: true, description: 'A page of regulatory tracks.' })
export class TrackConnection extends Connection(Track) {}
@ObjectType({ simpleResolvers: true, description: 'A page of guidelines.' })
export class GuidelineConnection extends Connection(Guideline) {}
@ObjectType({ simpleResolvers: true, description: 'A page of reforms.' })
export class ReformConnection extends Connection(Reform) {}
@ObjectType({ simpleResolvers: true, description: 'A page of pathways.' })
export class PathwayConnection extends Connection(Pathway) {}
@ObjectType({ simpleResolvers: true, description: 'A page of events.' })
export class EventConnection extends Connection(Event) {}
@ObjectType({ simpleResolvers: true, description: 'A page of products.' })
export class ProductConnection extends Connection(Product) {}
@ObjectType({ simpleResolvers: true, description: 'A page of targets.' })
export class TargetConnection extends Connection(Target) {}
@ObjectType({ simpleResolvers: true, description: 'A page of sponsors.' })
export class SponsorConnection extends Connection(Sponsor) {}
@ObjectType({ simpleResolvers: true, description: 'A page of classifications.' })
export class ClassificationConnection extends Connection(Classification) {}
@ObjectType({ simpleResolvers: true, description: 'A page of statistics.' })
export class StatisticConnection extends Connection(Statistic) {}
@ObjectType({ simpleResolvers: true, description: 'A page of claims.' })
export class ClaimConnection extends Connection(Claim) {}
@ObjectType({ simpleResolvers: true, description: 'A page of references.' })
export class ReferenceConnection extends Connection(Reference) {}
