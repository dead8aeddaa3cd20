// Predicates for the typed `filter` arguments of the list fields (src/graph/entities.repository.ts).
// Each block is a WHERE condition on `n`; values come from the `$filter` parameter map.

// name: filter.nameContains
// Name, aliases, stated spellings or description contain the text (case-insensitive).
toLower(n.searchText) CONTAINS toLower($filter.nameContains)

// name: filter.yearFrom
// Dated on or after the year (approval year for products).
n.year >= $filter.yearFrom

// name: filter.yearTo
// Dated on or before the year.
n.year <= $filter.yearTo

// name: filter.year
// A statistic whose date or period covers the year.
coalesce(n.periodStart, n.year) <= $filter.year AND coalesce(n.periodEnd, n.year) >= $filter.year

// name: filter.target
// Products aimed at the target.
EXISTS { (n)-[:TARGETS]->(:Target {id: $filter.target}) }

// name: filter.sponsor
// Products held by the sponsor.
EXISTS { (n)-[:SPONSORED_BY]->(:Sponsor {id: $filter.sponsor}) }

// name: filter.metric
// Statistics of one metric.
n.metric = $filter.metric

// name: filter.dimension
// Statistics that break a total down along one dimension.
n.dimension = $filter.dimension

// name: filter.issuedBy
// Guidelines issued by the agency.
EXISTS { (:Agency {id: $filter.issuedBy})-[:ISSUED]->(n) }

// name: filter.enactedBy
// Reforms enacted by the agency.
EXISTS { (:Agency {id: $filter.enactedBy})-[:ENACTED]->(n) }

// name: filter.status
// Current or former agencies.
n.status = $filter.status

// name: filter.eventType
// Events of one type.
n.eventType = $filter.eventType
