// Full-text search (src/graph/search.repository.ts).

// name: search.fulltext
// Ranked matches over names, aliases, stated spellings and descriptions, optionally of some kinds only.
CALL db.index.fulltext.queryNodes('entity_search', $text) YIELD node, score
WHERE size($kinds) = 0 OR [l IN labels(node) WHERE l <> 'Entity'][0] IN $kinds
RETURN node, score
ORDER BY score DESC, node.id
LIMIT $limit
