// Predicates for the typed `filter` arguments of the list fields (src/graph/read/lists.ts). Each
// block is a WHERE condition on {{node}}; {{{value}}} is the filter's $parameter. Filters that name a
// node (target, sponsor, issuedBy, enactedBy) start the list from that node instead (read.anchor.*),
// and are conditions here only when a second one is given.

// name: filter.nameContains
// Name, aliases, stated spellings or description contain the text (case-insensitive: searchText is
// stored in lower case), read from the kind's TEXT index on searchText rather than by scanning the kind.
{{node}}.searchText CONTAINS toLower({{{value}}})

// name: filter.yearFrom
// Dated on or after the year (approval year for products).
{{node}}.year >= {{{value}}}

// name: filter.yearTo
// Dated on or before the year.
{{node}}.year <= {{{value}}}

// name: filter.year
// A statistic whose date or period covers the year.
coalesce({{node}}.periodStart, {{node}}.year) <= {{{value}}} AND coalesce({{node}}.periodEnd, {{node}}.year) >= {{{value}}}

// name: filter.dateYear
// A statistic for a point in time in the year (a dated figure, not a period).
{{node}}.date IS NOT NULL AND {{node}}.year = {{{value}}}

// name: filter.periodCovers
// A statistic for a period that includes the year (periodStart..periodEnd), not a dated figure.
{{node}}.periodStart <= {{{value}}} AND {{node}}.periodEnd >= {{{value}}}

// name: filter.metric
// Statistics of one metric.
{{node}}.metric = {{{value}}}

// name: filter.dimension
// Statistics that break a total down along one dimension.
{{node}}.dimension = {{{value}}}

// name: filter.status
// Current or former agencies.
{{node}}.status = {{{value}}}

// name: filter.eventType
// Events of one type.
{{node}}.eventType = {{{value}}}

// name: filter.claimType
// Claims of one type (challenges, recommendations, absences, ...).
{{node}}.claimType = {{{value}}}

// name: filter.via.from
// A typed relationship from the node with the given id (an agency that ISSUED the guideline).
EXISTS { (:Entity {id: {{{value}}}})-[:{{type}}]->({{node}}) }

// name: filter.via.to
// A typed relationship to the node with the given id (the target the product TARGETS).
EXISTS { (:Entity {id: {{{value}}}})<-[:{{type}}]-({{node}}) }
