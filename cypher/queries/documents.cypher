// Documents and their sentences (src/graph/documents.ts): what facts are cited from.

// name: documents.sha
// The stored SHA-256 of a document's text, if the document is in the graph.
MATCH (d:Document {id: $id})
RETURN d.sha256 AS sha256

// name: documents.register
// A document with its metadata and, replacing any earlier ones, its sentences.
MERGE (d:Document {id: $meta.id})
SET d = $meta
WITH d
CALL (d) {
  MATCH (old:Sentence {document: d.id})
  DETACH DELETE old
}
WITH d
UNWIND $sentences AS s
CREATE (:Sentence {document: d.id, number: s.number, section: s.section, text: s.text, refs: s.refs, facts: []})
RETURN count(*) AS sentences

// name: documents.linkNodes
// Names each node's sentence of a document in its provenance, and lists the node on that sentence.
UNWIND $facts AS f
MATCH (n:Entity {id: f.id})
SET n.sourceDocument = $document, n.sourceSentence = f.sentence
WITH f
MATCH (s:Sentence {document: $document, number: f.sentence})
SET s.facts = CASE WHEN f.id IN s.facts THEN s.facts ELSE s.facts + f.id END
RETURN count(*) AS linked

// name: documents.linkRelationships
// As documents.linkNodes, for relationships of one type (`from|TYPE|to` on the sentence).
UNWIND $facts AS f
MATCH (:Entity {id: f.from})-[r:{{type}}]->(:Entity {id: f.to})
SET r.sourceDocument = $document, r.sourceSentence = f.sentence
WITH f
MATCH (s:Sentence {document: $document, number: f.sentence})
SET s.facts = CASE WHEN f.key IN s.facts THEN s.facts ELSE s.facts + f.key END
RETURN count(*) AS linked

// name: documents.sentences
// The sentences a citation may name, with the references each cites.
UNWIND $numbers AS number
MATCH (s:Sentence {document: $document, number: number})
RETURN s.number AS number, s.section AS section, s.text AS text, s.refs AS refs

// name: documents.get
// A document's metadata, or none.
MATCH (d:Document {id: $id})
RETURN properties(d) AS document

// name: documents.list
// Every registered document (a handful), by id.
MATCH (d:Document)
WITH d ORDER BY d.id LIMIT 100
RETURN properties(d) AS document

// name: documents.page
// A page of a document's sentences after a number, each with its first 100 facts.
MATCH (s:Sentence {document: $document})
WHERE s.number > $after
WITH s ORDER BY s.number LIMIT $limit
RETURN s.number AS number, s.section AS section, s.text AS text, s.refs AS refs, s.facts[0..100] AS facts
