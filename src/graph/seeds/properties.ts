/**
 * How a seed record becomes Neo4j properties and back. Provenance is flattened into
 * `sourceSection`, `sourceRefs`, `sourceQuote` and `sourceStated` (Neo4j properties cannot nest);
 * a few properties are derived for querying and are never exported.
 */
import neo4j from 'neo4j-driver';
import { RECORD_SCHEMAS, type EntityRecord, type RelationshipRecord, type SeededKind, type Source } from './schema.js';

type Props = Record<string, unknown>;

/** The first day of a partial ISO date ("2018" -> "2018-01-01"), used for ordering and ranges. */
export function dateStart(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day of a partial ISO date ("2020" -> "2020-12-31"), for inclusive ranges. */
export function dateEnd(date: string): string {
  if (date.length === 10) return date;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number);
    return `${date}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return `${date}-12-31`;
}

/** Whole numbers are stored as Neo4j integers, so Browser and Cypher show 2024, not 2024.0. */
function toNeo4jValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jValue);
  return value;
}

/** Provenance as flat properties (Neo4j properties cannot nest). */
export function flattenSource(source: Source): Props {
  const props: Props = { sourceSection: source.section, sourceRefs: source.refs, sourceQuote: source.quote };
  if (source.stated !== undefined) props.sourceStated = source.stated;
  if (source.inferred !== undefined) props.sourceInferred = source.inferred;
  if (source.dataSource !== undefined) props.sourceDataSource = source.dataSource;
  return props;
}

function withoutUndefined(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toNeo4jValue(v)]));
}

/**
 * What `nameContains` searches: name, aliases, the stated spelling, acronym, description and category,
 * lower case (so it reads the kind's TEXT index, which is case-sensitive, with a lowered needle). From
 * a record's fields or a node's stored properties alike (the change log keeps states without it).
 */
export function searchTextOf(props: { name?: unknown; aliases?: unknown; sourceStated?: unknown; acronym?: unknown; description?: unknown; category?: unknown }): string {
  const aliases = Array.isArray(props.aliases) ? props.aliases : [];
  return [props.name, ...aliases, props.sourceStated, props.acronym, props.description, props.category]
    .filter((v) => typeof v === 'string')
    .join(' | ')
    .toLowerCase();
}

/** Node properties for a record, including the derived ones (`caption` from caption.ts). */
export function nodeProperties(record: EntityRecord, caption?: string): Props {
  const { source, ...fields } = record;
  const date = typeof fields.date === 'string' ? fields.date : undefined;
  const year = date ? Number(date.slice(0, 4)) : (fields.periodEnd as number | undefined) ?? (fields.year as number | undefined);
  const searchText = searchTextOf({ ...fields, sourceStated: source.stated });
  // searchConnection also finds a node by the article's words for it and by its figure ("187").
  const searchExtra = [source.quote, fields.value].filter((v) => v !== undefined).join(' | ');
  return withoutUndefined({
    ...fields,
    ...flattenSource(source),
    dateStart: date ? dateStart(date) : undefined,
    year,
    searchText,
    searchExtra,
    caption,
  });
}

/** Relationship properties: the record's own properties plus its provenance. */
export function relationshipProperties(record: RelationshipRecord): Props {
  return withoutUndefined({ ...record.properties, ...flattenSource(record.source) });
}

function sourceOf(props: Props): Source {
  const source: Source = {
    section: props.sourceSection as Source['section'],
    refs: (props.sourceRefs as number[]) ?? [],
    quote: props.sourceQuote as string,
  };
  if (props.sourceStated !== undefined && props.sourceStated !== null) source.stated = props.sourceStated as string;
  if (props.sourceInferred !== undefined && props.sourceInferred !== null) source.inferred = props.sourceInferred as string;
  if (props.sourceDataSource !== undefined && props.sourceDataSource !== null) source.dataSource = props.sourceDataSource as string;
  return source;
}

/** A record in the seeds format from node properties, fields in schema order. */
export function recordFromNode(kind: SeededKind, props: Props): EntityRecord {
  const record: Props = {};
  for (const key of Object.keys(RECORD_SCHEMAS[kind].shape)) {
    if (key === 'source') record.source = sourceOf(props);
    else if (props[key] !== undefined && props[key] !== null) record[key] = props[key];
  }
  return record as EntityRecord;
}

/** A relationship record from its type, endpoints and properties; free-form properties sorted by name. */
export function recordFromRelationship(type: string, from: string, to: string, props: Props): RelationshipRecord {
  const own = Object.keys(props)
    // Provenance and the change log's stamp are not the relationship's own properties.
    .filter((k) => !k.startsWith('source') && k !== 'changedSeq')
    .sort();
  const record: Props = { type, from, to };
  if (own.length) record.properties = Object.fromEntries(own.map((k) => [k, props[k]]));
  record.source = sourceOf(props);
  return record as RelationshipRecord;
}
