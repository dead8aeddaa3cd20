import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { Selection } from '../graph/read/statement.js';

/**
 * Selections already worked out, per field node of a parsed document (Apollo keeps a document parsed
 * once per query text, so its nodes are the same objects from one request to the next), then per
 * parent type, number of merged nodes and variables. Walking the selection with its fragments and
 * directives was 2.5 % of the API's CPU per request (profile of SponsorsOfBCMAProducts under load).
 */
const KNOWN = new WeakMap<FieldNode, Map<string, Selection>>();
/** A document with very many variable sets keeps only the latest ones. */
const PER_NODE = 64;

/**
 * What the client selected below this field, fragments merged and @skip/@include applied, so the
 * graph layer can read it all in the field's one statement. Frozen: it is shared by every request
 * that asks the same thing.
 */
export function selectionOf(info: GraphQLResolveInfo): Selection {
  const node = info.fieldNodes[0];
  const key = `${info.parentType.name}|${info.fieldNodes.length}|${JSON.stringify(info.variableValues)}`;
  let known = KNOWN.get(node);
  const hit = known?.get(key);
  if (hit) return hit;
  const selection = deepFreeze(parseResolveInfo(info) as ResolveTree as Selection);
  if (!known) KNOWN.set(node, (known = new Map()));
  if (known.size >= PER_NODE) known.delete(known.keys().next().value!);
  known.set(key, selection);
  return selection;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
