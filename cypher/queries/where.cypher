// Predicates for the `where` argument of the lists (src/graph/read/where.ts), in the conventions of
// @neo4j/graphql 7. Each block is a condition on {{node}}; {{property}} is a property name from the
// kind's allow-list, {{{value}}} a $parameter, {{{predicate}}} a condition the compiler built from
// these same blocks. String operators are case-sensitive, as in @neo4j/graphql.

// name: where.eq
{{node}}.{{property}} = {{{value}}}

// name: where.in
{{node}}.{{property}} IN {{{value}}}

// name: where.contains
{{node}}.{{property}} CONTAINS {{{value}}}

// name: where.startsWith
{{node}}.{{property}} STARTS WITH {{{value}}}

// name: where.endsWith
{{node}}.{{property}} ENDS WITH {{{value}}}

// name: where.lt
{{node}}.{{property}} < {{{value}}}

// name: where.lte
{{node}}.{{property}} <= {{{value}}}

// name: where.gt
{{node}}.{{property}} > {{{value}}}

// name: where.gte
{{node}}.{{property}} >= {{{value}}}

// name: where.flag
// A boolean the seeds leave out when false (a statistic's `forecast`).
coalesce({{node}}.{{property}}, false) = {{{value}}}

// name: where.cites
// The node's provenance cites this reference number.
{{{value}}} IN {{node}}.sourceRefs

// name: where.not
NOT ({{{predicate}}})

// name: where.some.OUT
// At least one related node matches (`targets: {some: {...}}`).
EXISTS { MATCH ({{node}})-[:{{type}}]->({{other}}{{{label}}}) WHERE {{{predicate}}} }

// name: where.some.IN
EXISTS { MATCH ({{node}})<-[:{{type}}]-({{other}}{{{label}}}) WHERE {{{predicate}}} }

// name: where.none.OUT
// No related node matches.
NOT EXISTS { MATCH ({{node}})-[:{{type}}]->({{other}}{{{label}}}) WHERE {{{predicate}}} }

// name: where.none.IN
NOT EXISTS { MATCH ({{node}})<-[:{{type}}]-({{other}}{{{label}}}) WHERE {{{predicate}}} }

// name: where.all.OUT
// Every related node matches (true when there are none, as in @neo4j/graphql).
NOT EXISTS { MATCH ({{node}})-[:{{type}}]->({{other}}{{{label}}}) WHERE NOT ({{{predicate}}}) }

// name: where.all.IN
NOT EXISTS { MATCH ({{node}})<-[:{{type}}]-({{other}}{{{label}}}) WHERE NOT ({{{predicate}}}) }

// name: where.single.OUT
// Exactly one related node matches.
COUNT { MATCH ({{node}})-[:{{type}}]->({{other}}{{{label}}}) WHERE {{{predicate}}} } = 1

// name: where.single.IN
COUNT { MATCH ({{node}})<-[:{{type}}]-({{other}}{{{label}}}) WHERE {{{predicate}}} } = 1
