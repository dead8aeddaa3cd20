/**
 * Conversion of Neo4j nodes and relationships into the plain objects the API serves. This is
 * where driver types stop: nothing past this module sees a Neo4j Node, Integer or temporal.
 */
import type { Node as Neo4jNode, Relationship as Neo4jRelationship } from 'neo4j-driver';
import { isKind, type Kind } from './model.js';

/** One provenance entry: a cited reference (or none, for an uncited statement) and where the article says it. */
export interface SourceEntry {
  section: string;
  quote: string;
  stated: string | null;
  referenceNumber: number | null;
}

export interface Entity {
  kind: Kind;
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
  sources: SourceEntry[];
  [property: string]: unknown;
}

export interface GraphRelationship {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
  sources: SourceEntry[];
}

const HIDDEN = new Set(['searchText', 'sourceSection', 'sourceRefs', 'sourceQuote', 'sourceStated']);

export function sourcesOf(props: Record<string, unknown>): SourceEntry[] {
  const base = {
    section: String(props.sourceSection ?? ''),
    quote: String(props.sourceQuote ?? ''),
    stated: (props.sourceStated as string | undefined) ?? null,
  };
  const refs = (props.sourceRefs as number[] | undefined) ?? [];
  return refs.length ? refs.map((n) => ({ ...base, referenceNumber: Number(n) })) : [{ ...base, referenceNumber: null }];
}

function plainProperties(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !HIDDEN.has(key)));
}

export function kindOf(labels: string[]): Kind {
  const kind = labels.find((l) => l !== 'Entity' && isKind(l));
  if (!kind) throw new Error(`Node without a known kind label: ${labels.join(':')}`);
  return kind as Kind;
}

export function entityFromNode(node: Neo4jNode): Entity {
  const props = node.properties as Record<string, unknown>;
  return {
    ...plainProperties(props),
    kind: kindOf(node.labels),
    id: props.id as string,
    name: props.name as string,
    aliases: (props.aliases as string[] | undefined) ?? [],
    description: (props.description as string | undefined) ?? null,
    sources: sourcesOf(props),
  };
}

export function relationshipFromNeo4j(rel: Neo4jRelationship, from: string, to: string): GraphRelationship {
  const props = rel.properties as Record<string, unknown>;
  return { id: `${from}|${rel.type}|${to}`, type: rel.type, from, to, properties: plainProperties(props), sources: sourcesOf(props) };
}
