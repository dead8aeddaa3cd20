import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { EntityKind, RelationshipType } from './enums.js';
import { PageInfo } from './connection.type.js';

@InputType({ description: 'Where an added or changed fact is stated: a document\'s sentence, its words, and the references that sentence cites.' })
export class CitationInput {
  @Field(() => ID, { description: 'The document, e.g. "doc:china-cell-therapy-review".' })
  document!: string;

  @Field(() => Int, { description: 'The sentence\'s number in the document (`document(id) { sentences }`).' })
  sentence!: number;

  @Field(() => String, { description: 'The sentence\'s words for the fact, verbatim (whitespace aside); checked against the sentence.' })
  quote!: string;

  @Field(() => [Int], { defaultValue: [], description: 'Numbers of the references cited for the fact: only ones the sentence cites.' })
  refs!: number[];

  @Field(() => String, { nullable: true, description: 'Why the fact is inferred, when the sentence does not state it in so many words.' })
  inferred?: string;

  @Field(() => String, { nullable: true, description: 'The data source the sentence names for a figure.' })
  dataSource?: string;

  @Field(() => String, { nullable: true, description: 'The name as the sentence spells it, where the fact normalises it.' })
  stated?: string;
}

@InputType({ description: 'A new entity, with its properties as in the seeds format.' })
export class CreateEntityInput {
  @Field(() => EntityKind, { description: 'Its kind (not FINDING: findings are derived).' })
  kind!: string;

  @Field(() => ID, { description: 'Its id, "<prefix>:<slug>" as for the kind (never one used before).' })
  id!: string;

  @Field(() => GraphQLJSONObject, { description: 'Its properties: name and the kind\'s fields, as in seeds/ (e.g. {"name": "…", "date": "2025-03", "modality": "CAR-T"}).' })
  properties!: Record<string, unknown>;

  @Field(() => CitationInput, { description: 'Where it is stated.' })
  source!: CitationInput;
}

@InputType({ description: 'New values for some properties of an entity (a correction), with the citation that states them.' })
export class SetPropertiesInput {
  @Field(() => ID, { description: 'The entity.' })
  id!: string;

  @Field(() => GraphQLJSONObject, { description: 'The properties to set (not id, not source).' })
  properties!: Record<string, unknown>;

  @Field(() => CitationInput, { description: 'Where the corrected values are stated; it becomes the entity\'s provenance.' })
  source!: CitationInput;
}

@InputType({ description: 'Properties to remove from an entity (optional ones only).' })
export class UnsetPropertiesInput {
  @Field(() => ID, { description: 'The entity.' })
  id!: string;

  @Field(() => [String], { description: 'The property names.' })
  names!: string[];

  @Field(() => CitationInput, { description: 'The citation the entity keeps as its provenance.' })
  source!: CitationInput;
}

@InputType({ description: 'A new relationship between two live entities.' })
export class AddRelationshipInput {
  @Field(() => RelationshipType, { description: 'Its type (not a derived one).' })
  type!: string;

  @Field(() => ID, { description: 'The entity it starts at.' })
  from!: string;

  @Field(() => ID, { description: 'The entity it ends at.' })
  to!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Its own properties (e.g. {"dimension": "phase"}).' })
  properties?: Record<string, unknown>;

  @Field(() => CitationInput, { description: 'Where it is stated.' })
  source!: CitationInput;
}

@InputType({ description: 'A relationship to retract: it stays in the graph as retracted, with the reason, and no read sees it.' })
export class RetractRelationshipInput {
  @Field(() => RelationshipType, { description: 'Its type.' })
  type!: string;

  @Field(() => ID, { description: 'The entity it starts at.' })
  from!: string;

  @Field(() => ID, { description: 'The entity it ends at.' })
  to!: string;

  @Field(() => String, { description: 'Why it is retracted.' })
  reason!: string;
}

@InputType({ description: 'An entity to retract, with every relationship it has: kept, with the reason, and hidden from every read.' })
export class RetractInput {
  @Field(() => ID, { description: 'The entity.' })
  id!: string;

  @Field(() => String, { description: 'Why it is retracted.' })
  reason!: string;
}

@InputType({ description: 'An entity replaced by another of the same kind: retracted, and linked SUPERSEDES from its replacement.' })
export class SupersedeInput {
  @Field(() => ID, { description: 'The entity replaced.' })
  id!: string;

  @Field(() => ID, { description: 'Its replacement (created earlier or in this change set).' })
  by!: string;

  @Field(() => String, { description: 'Why.' })
  reason!: string;
}

@InputType({ description: 'One operation of a change set: exactly one of these fields.' })
export class ChangeOperationInput {
  @Field(() => CreateEntityInput, { nullable: true, description: 'Create an entity.' })
  createEntity?: CreateEntityInput;

  @Field(() => SetPropertiesInput, { nullable: true, description: 'Set properties of an entity.' })
  setProperties?: SetPropertiesInput;

  @Field(() => UnsetPropertiesInput, { nullable: true, description: 'Remove properties of an entity.' })
  unsetProperties?: UnsetPropertiesInput;

  @Field(() => AddRelationshipInput, { nullable: true, description: 'Add a relationship.' })
  addRelationship?: AddRelationshipInput;

  @Field(() => RetractRelationshipInput, { nullable: true, description: 'Retract a relationship.' })
  retractRelationship?: RetractRelationshipInput;

  @Field(() => RetractInput, { nullable: true, description: 'Retract an entity.' })
  retract?: RetractInput;

  @Field(() => SupersedeInput, { nullable: true, description: 'Retract an entity in favour of another.' })
  supersede?: SupersedeInput;
}

@InputType({ description: 'A change set: a reason, the seq the graph was read at, and the operations, applied together or not at all.' })
export class ChangeSetInput {
  @Field(() => String, { description: 'Why (e.g. "The article says \'Baidu search\' ads").' })
  reason!: string;

  @Field(() => Int, { description: 'The seq the writer read the graph at (`meta { dataVersion { seq } }` or the last change set); a fact changed after it is a CONFLICT.' })
  baseSeq!: number;

  @Field(() => [ChangeOperationInput], { description: 'The operations, in order: at most 10,000.' })
  operations!: ChangeOperationInput[];
}

@ObjectType({ description: 'One entity\'s or relationship\'s change in a change set: its state before and after (null when created or retracted), as Neo4j\'s change data capture describes one.' })
export class Change {
  @Field(() => Int, { description: 'Its place in the change set.' })
  index!: number;

  @Field(() => ID, { description: 'The entity id, or "from|TYPE|to" for a relationship.' })
  target!: string;

  @Field(() => String, { description: '"node" or "relationship".' })
  targetType!: string;

  @Field(() => String, { nullable: true, description: 'The entity\'s kind ("Product") or the relationship\'s type ("CLASSIFIED_AS").' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'Why, for a retraction (null otherwise).' })
  reason!: string | null;

  @Field(() => String, { description: '"create", "update" or "retract".' })
  op!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The properties before; null when created.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The properties after; null when retracted.' })
  after!: Record<string, unknown> | null;
}

@ObjectType({ description: 'A finding of the consistency checker.' })
export class FindingRef {
  @Field(() => ID, { description: "The finding's id." })
  id!: string;

  @Field(() => String, { description: 'What the finding says.' })
  name!: string;
}

@ObjectType({ description: 'A change set: every write to the graph is one, numbered, attributed and kept.' })
export class ChangeSet {
  @Field(() => Int, { description: 'Its number: 1, 2, 3, … with no gap.' })
  seq!: number;

  @Field(() => Int, { description: 'The seq it was made against.' })
  baseSeq!: number;

  @Field(() => String, { description: 'Who made it: the subject of the writer\'s token ("import" for a load of the seed files, the file\'s curator for seeds/changes/).' })
  actor!: string;

  @Field(() => String, { nullable: true, description: 'Who approved it (the draft\'s reviewer); null for imports and change files.' })
  approver!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was committed (ISO 8601); null for a dry run.' })
  at!: string | null;

  @Field(() => String, { description: 'Why.' })
  reason!: string;

  @Field(() => Int, { description: 'How many operations it held.' })
  operations!: number;

  @Field(() => Int, { description: 'How many entities and relationships it changed.' })
  changeCount!: number;

  @Field(() => [Change], { description: 'The changes, in order (at most 100 here; the rest through history).' })
  changes!: Change[];
}

@ObjectType({ description: 'A proposed change set, waiting for review: applied only when an editor other than its proposer approves it.' })
export class Draft {
  @Field(() => ID, { description: 'Its id, "draft:<uuid>".' })
  id!: string;

  @Field(() => String, { description: 'PROPOSED, APPLIED, REJECTED or WITHDRAWN.' })
  status!: string;

  @Field(() => String, { description: 'Who proposed it (their token\'s subject).' })
  proposer!: string;

  @Field(() => String, { description: 'When (ISO 8601).' })
  proposedAt!: string;

  @Field(() => String, { description: 'Why.' })
  reason!: string;

  @Field(() => Int, { description: 'The seq it was made against: a fact changed after it makes the approval a CONFLICT.' })
  baseSeq!: number;

  @Field(() => Int, { description: 'How many operations it holds.' })
  operations!: number;

  @Field(() => String, { nullable: true, description: 'Who approved, rejected or withdrew it.' })
  reviewer!: string | null;

  @Field(() => String, { nullable: true, description: 'When (ISO 8601).' })
  reviewedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected or withdrawn.' })
  reviewReason!: string | null;

  @Field(() => Int, { nullable: true, description: 'The change set it became, once applied.' })
  seq!: number | null;
}

@ObjectType({ description: 'A page of drafts, newest first.' })
export class DraftConnection {
  @Field(() => [Draft], { description: 'The drafts of this page.' })
  nodes!: Draft[];

  @Field(() => PageInfo, { description: 'Where this page is.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'What proposeChanges or approveDraft did: the change set, whether it was only a dry run, the findings it brings, and the draft.' })
export class ChangeSetResult {
  @Field(() => ChangeSet, { description: 'The change set (with the seq it took, or would take in a dry run).' })
  changeSet!: ChangeSet;

  @Field(() => Boolean, { description: 'True when nothing was written (dryRun).' })
  dryRun!: boolean;

  @Field(() => [FindingRef], { description: 'Findings of the consistency checker that this change set brings.' })
  newFindings!: FindingRef[];

  @Field(() => Draft, { nullable: true, description: 'The draft: PROPOSED after proposeChanges (the change set is then what it would be if applied now), APPLIED after approveDraft; null for a dry run.' })
  draft!: Draft | null;
}

@ObjectType({ description: 'A change to one entity or relationship, with the change set it belongs to.' })
export class HistoryEntry {
  @Field(() => Change, { description: 'The change to the entity or relationship.' })
  change!: Change;

  @Field(() => ChangeSet, { description: 'The change set it was part of.' })
  changeSet!: ChangeSet;

  @Field(() => String, { description: 'Where to continue (newest first).' })
  cursor!: string;
}

@ObjectType({ description: 'A page of an entity\'s or relationship\'s history, newest first.' })
export class HistoryConnection {
  @Field(() => [HistoryEntry], { description: 'The changes of this page, newest first.' })
  edges!: HistoryEntry[];

  @Field(() => PageInfo, { description: 'Where this page is in the history.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'A sentence of a document, with the facts that cite it.' })
export class DocumentSentence {
  @Field(() => Int, { description: 'Its number in the document, from 1.' })
  number!: number;

  @Field(() => String, { description: 'The section it is in.' })
  section!: string;

  @Field(() => String, { description: 'Its text.' })
  text!: string;

  @Field(() => [Int], { description: 'The references it cites.' })
  refs!: number[];

  @Field(() => [ID], { description: 'Entities (ids) and relationships ("from|TYPE|to") whose provenance is this sentence (at most 100).' })
  facts!: string[];
}

@ObjectType({ description: 'A page of a document\'s sentences.' })
export class SentenceConnection {
  @Field(() => [DocumentSentence], { description: 'The sentences of this page, in order.' })
  nodes!: DocumentSentence[];

  @Field(() => PageInfo, { description: 'Where this page is in the document.' })
  pageInfo!: PageInfo;
}

@ObjectType('Document', { description: 'A document facts are cited from.' })
export class SourceDocumentType {
  @Field(() => ID, { description: 'Stable id, "doc:<slug>".' })
  id!: string;

  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => [String], { description: 'Its authors, in order.' })
  authors!: string[];

  @Field(() => Int, { nullable: true, description: 'The year it was published, when known.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'The journal, when it is an article.' })
  journal!: string | null;

  @Field(() => String, { nullable: true, description: 'Its DOI, when it has one.' })
  doi!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to read it, when it is on the web.' })
  url!: string | null;

  @Field(() => String, { description: 'Its licence as known ("not stated in the text" when it says none).' })
  licence!: string;

  @Field(() => String, { description: 'SHA-256 of its text as stored (its sentences, one per line).' })
  sha256!: string;

  @Field(() => Boolean, { description: 'Whether the graph keeps its text (quotes from it are then checked).' })
  textStored!: boolean;

  @Field(() => Int, { description: 'How many sentences the graph keeps (0 when the text is not stored).' })
  sentenceCount!: number;
}

@ObjectType({ description: 'A retracted fact: kept, with the change that retracted it, its state before, and why.' })
export class Retraction {
  @Field(() => Change, { description: 'The retracting change: target, kind or type, reason, and the state before (`before`).' })
  change!: Change;

  @Field(() => ChangeSet, { description: 'The change set it was part of (who, when, why).' })
  changeSet!: ChangeSet;

  @Field(() => String, { description: 'Always "RETRACTED": a retraction is kept, never deleted.' })
  status!: string;

  @Field(() => ID, { nullable: true, description: 'The entity that superseded a retracted entity, if one did.' })
  supersededBy!: string | null;

  @Field(() => Boolean, { description: 'True when the fact was added again after this retraction (e.g. a relationship cited anew); false while it stays retracted.' })
  restored!: boolean;

  @Field(() => String, { description: 'Where to continue (newest first).' })
  cursor!: string;
}

@ObjectType({ description: 'A page of retractions, newest first.' })
export class RetractionConnection {
  @Field(() => [Retraction], { description: 'The retractions of this page.' })
  edges!: Retraction[];

  @Field(() => PageInfo, { description: 'Where this page is.' })
  pageInfo!: PageInfo;
}
