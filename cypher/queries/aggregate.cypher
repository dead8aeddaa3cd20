// Aggregates and facets of a list (src/graph/read/aggregate.ts), over every item its anchor and
// conditions match, not one page: run only when the connection's `aggregate` or `facets` is selected.
// {{{imports}}} is empty for a top-level list, and the parent node for a relationship connection.
// Each reads at most {{{scan}}} matches (GRAPHQL_MAX_GROUPED + 1) and says `over` when it read that
// many: the API then refuses the answer (QUERY_TOO_COMPLEX) rather than scan a kind of a million for
// seconds or answer from part of it.

// name: aggregate.stats
// Count and the ranges of the dates, years and values of the matches.
CALL ({{{imports}}}) {
  MATCH {{{anchor}}}
  WHERE {{{where}}}
  WITH {{{distinct}}}{{node}} LIMIT {{{scan}}}
  RETURN {
    over: count({{node}}) = {{{scan}}},
    count: count({{node}}),
    minDate: min({{node}}.date), maxDate: max({{node}}.date),
    minYear: min({{node}}.year), maxYear: max({{node}}.year),
    minValue: min({{node}}.value), maxValue: max({{node}}.value)
  } AS {{out}}
}

// name: aggregate.facets
// Counts of the matches grouped by one or two keys, largest first, at most {{{limit}}} groups. Keys
// are grouped as read (a property's value, or the related node itself) and rendered after counting.
CALL ({{{imports}}}) {
  MATCH {{{anchor}}}
  WHERE {{{where}}}
  WITH {{{distinct}}}{{node}} LIMIT {{{scan}}}
  WITH collect({{node}}) AS {{matched}}
  UNWIND {{matched}} AS {{node}}
  {{{keys}}}
  WITH {{{grouping}}}, size({{matched}}) AS {{scanned}}, count(DISTINCT {{node}}) AS count
  ORDER BY count DESC, {{{tiebreak}}}
  LIMIT {{{limit}}}
  RETURN {over: coalesce(max({{scanned}}) = {{{scan}}}, false), buckets: collect({keys: [{{{values}}}], count: count})} AS {{out}}
}

// name: aggregate.key.property
// A property of the node as a facet key; null when the node has none.
WITH *, {{node}}.{{property}} AS {{key}}

// name: aggregate.key.flag
// A yes/no property the seeds leave out when false.
WITH *, coalesce({{node}}.{{property}}, false) AS {{key}}

// name: aggregate.key.OUT
// A related node as a facet key (one row per related node; null when there is none).
OPTIONAL MATCH ({{node}})-[:{{type}}]->({{key}}:{{label}})

// name: aggregate.key.IN
OPTIONAL MATCH ({{node}})<-[:{{type}}]-({{key}}:{{label}})

// name: aggregate.value.property
// A property key as it is returned.
{value: toString({{key}}), id: null}

// name: aggregate.value.node
// A related node key as it is returned: its number (a reference) or name, and its id.
{value: toString(coalesce({{key}}.number, {{key}}.name)), id: {{key}}.id}

// name: aggregate.statsAsOf
// aggregate.stats as the graph stood at a past change set: over what {{{source}}} yields (each match's
// state then in {{node}}: lists.ts and projection.ts write it for each anchor).
CALL ({{{imports}}}) {
  {{{source}}}
  WITH {{node}} LIMIT {{{scan}}}
  RETURN {
    over: count({{node}}) = {{{scan}}},
    count: count({{node}}),
    minDate: min({{node}}.date), maxDate: max({{node}}.date),
    minYear: min({{node}}.year), maxYear: max({{node}}.year),
    minValue: min({{node}}.value), maxValue: max({{node}}.value)
  } AS {{out}}
}

// name: aggregate.facetsAsOf
// aggregate.facets as the graph stood at a past change set: over what {{{source}}} yields, each match's
// state then in {{node}} (what property keys read) and its stored entity in {{stored}} (where a related
// node key starts: aggregate.keyAsOf.*).
CALL ({{{imports}}}) {
  {{{source}}}
  WITH {{node}}, {{stored}} LIMIT {{{scan}}}
  WITH collect({view: {{node}}, stored: {{stored}}}) AS {{matched}}
  UNWIND {{matched}} AS {{pair}}
  WITH {{pair}}.view AS {{node}}, {{pair}}.stored AS {{stored}}, {{matched}}
  {{{keys}}}
  WITH {{{grouping}}}, size({{matched}}) AS {{scanned}}, count(DISTINCT {{node}}.id) AS count
  ORDER BY count DESC, {{{tiebreak}}}
  LIMIT {{{limit}}}
  RETURN {over: coalesce(max({{scanned}}) = {{{scan}}}, false), buckets: collect({keys: [{{{values}}}], count: count})} AS {{out}}
}

// name: aggregate.keyAsOf
// A related node as a facet key as the graph stood then: the links of the type that stood then
// ({{{pattern}}}, {{{then}}}) from the stored entity, the node read through its state then.
OPTIONAL MATCH {{{pattern}}}
WHERE {{{then}}}
WITH *, CASE WHEN {{found}} IS NULL THEN null ELSE {{{view}}} END AS {{key}}

// name: aggregate.sourceAsOf
// The matches of a list of a kind as it stood at a past change set, unpaged (read.listAsOf's two sides):
// the kind's entities not changed since, and the states then of those changed since, each with its
// stored entity ({{{stored}}}: read.stored), where a related node key starts.
CALL () {
  MATCH ({{node}}:{{label}})
  WHERE NOT {{node}}.id IN {{{changed}}} AND {{{where}}}
  RETURN {{node}}, {{node}} AS {{stored}}
  UNION ALL
  UNWIND {{{states}}} AS {{node}}
  WITH {{node}} WHERE {{{where}}}
  {{{stored}}}
  RETURN {{node}}, {{stored}}
}

// name: aggregate.sourceRelatedAsOf
// The matches of a relationship connection as the graph stood at a past change set, unpaged
// (render.ts relatedRead's as of a change set): each related entity's state then and its stored entity.
CALL ({{parent}}) {
  MATCH {{{pattern}}}
  WHERE {{{then}}}
  WITH {{stored}}, {{{view}}} AS {{node}}
  WHERE {{{where}}}
  RETURN {{node}}, {{stored}}
}
