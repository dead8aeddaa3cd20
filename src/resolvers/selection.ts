import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { Selection } from '../graph/read/statement.js';

/**
 * What the client selected below this field, fragments merged and @skip/@include applied, so the
 * graph layer can read it all in the field's one statement.
 */
export function selectionOf(info: GraphQLResolveInfo): Selection {
  return parseResolveInfo(info) as ResolveTree as Selection;
}
