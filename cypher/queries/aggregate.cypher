// Aggregates and facets of a list (src/graph/read/aggregate.ts), over every item its anchor and
// conditions match, not one page: run only when the connection's `aggregate` or `facets` is selected.

// name: aggregate.stats
// Count and the ranges of the dates, years and values of the matches.
CALL () {
  MATCH {{{anchor}}}
  WHERE {{{where}}}
  RETURN {
    count: count({{node}}),
    minDate: min({{node}}.date), maxDate: max({{node}}.date),
    minYear: min({{node}}.year), maxYear: max({{node}}.year),
    minValue: min({{node}}.value), maxValue: max({{node}}.value)
  } AS {{out}}
}

// name: aggregate.facets
// Counts of the matches grouped by one or two keys, largest first, at most {{{limit}}} groups. A
// key is a property ({value}) or a related node ({value: its name or number, id}).
CALL () {
  MATCH {{{anchor}}}
  WHERE {{{where}}}
  {{{keys}}}
  WITH {{{grouping}}}, count(DISTINCT {{node}}) AS count
  ORDER BY count DESC, {{{tiebreak}}}
  LIMIT {{{limit}}}
  RETURN collect({keys: [{{{values}}}], count: count}) AS {{out}}
}

// name: aggregate.key.property
// A property of the node as a facet key; null when the node has none.
WITH *, {value: toString({{node}}.{{property}}), id: null} AS {{key}}

// name: aggregate.key.flag
// A yes/no property the seeds leave out when false.
WITH *, {value: toString(coalesce({{node}}.{{property}}, false)), id: null} AS {{key}}

// name: aggregate.key.OUT
// A related node as a facet key (one row per related node; a null key when there is none).
OPTIONAL MATCH ({{node}})-[:{{type}}]->({{other}}:{{label}})
WITH *, CASE WHEN {{other}} IS NULL THEN {value: null, id: null} ELSE {value: toString(coalesce({{other}}.number, {{other}}.name)), id: {{other}}.id} END AS {{key}}

// name: aggregate.key.IN
OPTIONAL MATCH ({{node}})<-[:{{type}}]-({{other}}:{{label}})
WITH *, CASE WHEN {{other}} IS NULL THEN {value: null, id: null} ELSE {value: toString(coalesce({{other}}.number, {{other}}.name)), id: {{other}}.id} END AS {{key}}
