import { ObjectType } from 'type-graphql';
import { Connection } from './connection.type.js';
import { Event, Guideline, Pathway, Reform } from './instruments.type.js';
import { Classification, Product, Reference, Sponsor, Target } from './products.type.js';
import { Agency, Department, Track } from './regulators.type.js';
import { Statistic } from './statistics.type.js';

@ObjectType({ description: 'A page of agencies.' })
export class AgencyConnection extends Connection(Agency) {}
@ObjectType({ description: 'A page of CDE departments.' })
export class DepartmentConnection extends Connection(Department) {}
@ObjectType({ description: 'A page of regulatory tracks.' })
export class TrackConnection extends Connection(Track) {}
@ObjectType({ description: 'A page of guidelines.' })
export class GuidelineConnection extends Connection(Guideline) {}
@ObjectType({ description: 'A page of reforms.' })
export class ReformConnection extends Connection(Reform) {}
@ObjectType({ description: 'A page of pathways.' })
export class PathwayConnection extends Connection(Pathway) {}
@ObjectType({ description: 'A page of events.' })
export class EventConnection extends Connection(Event) {}
@ObjectType({ description: 'A page of products.' })
export class ProductConnection extends Connection(Product) {}
@ObjectType({ description: 'A page of targets.' })
export class TargetConnection extends Connection(Target) {}
@ObjectType({ description: 'A page of sponsors.' })
export class SponsorConnection extends Connection(Sponsor) {}
@ObjectType({ description: 'A page of classifications.' })
export class ClassificationConnection extends Connection(Classification) {}
@ObjectType({ description: 'A page of statistics.' })
export class StatisticConnection extends Connection(Statistic) {}
@ObjectType({ description: 'A page of references.' })
export class ReferenceConnection extends Connection(Reference) {}
