// The questions of examples.graphql asked as raw Cypher through the driver: the baseline that
// bench/operations.bench.ts compares the GraphQL API with. One block per example operation.

// name: ReformsBeforeFirstCD19Approval
MATCH (p:Product)-[:TARGETS]->(:Target {id: 'target:cd19'})
WITH p ORDER BY p.dateStart, p.name LIMIT 1
RETURN p.name AS name, p.date AS date,
  COLLECT { MATCH (p)-[:SPONSORED_BY]->(s:Sponsor) RETURN s.name } AS sponsors,
  COLLECT {
    MATCH (r:Reform) WHERE r.year < p.year
    WITH r ORDER BY r.dateStart, r.name
    RETURN {lagYears: p.year - r.year, name: r.name, date: r.date, section: r.sourceSection, quote: r.sourceQuote,
            references: COLLECT { MATCH (r)-[:CITES]->(ref:Reference) RETURN ref {.number, .authors, .journal, .year} }}
  } AS precedingReforms

// name: SponsorsOfBCMAProducts
MATCH (p:Product)-[:TARGETS]->(:Target {id: 'target:bcma'})
RETURN p.name AS name, p.year AS year, COLLECT { MATCH (p)-[:SPONSORED_BY]->(s:Sponsor) RETURN s.name } AS sponsors
ORDER BY p.dateStart DESC, p.name

// name: ApprovalsFollowingImplicitApproval
MATCH (r:Reform {id: 'reform:2018-implicit-approval'}), (p:Product)
WHERE p.year > r.year
RETURN p.year - r.year AS lagYears, p.name AS name, p.date AS date
ORDER BY p.dateStart, p.name

// name: AgencyStructure
MATCH (a:Agency)
RETURN a.acronym AS acronym, a.name AS name, a.status AS status,
  COLLECT { MATCH (a)-[:PART_OF]->(x:Agency) RETURN x.acronym } AS parent,
  COLLECT { MATCH (a)-[:SUCCEEDED_BY]->(x:Agency) RETURN x.acronym } AS successor,
  COLLECT { MATCH (a)<-[:DEPARTMENT_OF]-(d:Department) RETURN d.name } AS departments,
  COLLECT { MATCH (a)-[:GOVERNS]->(t:Track) RETURN t {.name, .description} } AS governs,
  COLLECT { MATCH (a)-[:ISSUED]->(g:Guideline) RETURN g {.name, .date} } AS issuedGuidelines,
  COLLECT { MATCH (a)-[:ENACTED]->(r:Reform) RETURN r {.name, .date} } AS enactedReforms
ORDER BY a.name

// name: ReformTimeline
MATCH (n:Entity)
WHERE n.dateStart >= '2016-01-01' AND n.dateStart <= '2024-12-31' AND (n:Reform OR n:Guideline OR n:Product OR n:Event)
RETURN n.date AS date, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS title, n.id AS id
ORDER BY n.dateStart, n.name

// name: ReviewClocks
MATCH (r:Reform)
RETURN r {.name, .date, .reviewScope, .reviewDaysBefore, .reviewDaysAfter} AS reform,
  COLLECT { MATCH (r)<-[:TRIGGERED]-(e:Event) RETURN e {.name, .date} } AS triggeredBy,
  COLLECT { MATCH (r)-[:INTRODUCED]->(p:Pathway) RETURN p {.name, .reviewDays} } AS pathwaysIntroduced
ORDER BY r.dateStart, r.name

// name: IndApplications
MATCH (s:Statistic {metric: 'ind_applications'})
RETURN s {.name, .value, .unit, .periodStart, .periodEnd, .category, .sourceSection, .sourceQuote} AS statistic,
  COLLECT { MATCH (s)-[:BREAKDOWN_OF]->(t:Statistic) RETURN t {.name, .value} } AS breakdownOf,
  COLLECT { MATCH (s)-[:CITES]->(ref:Reference) RETURN ref.number } AS references
ORDER BY s.value DESC, s.id

// name: Trials2024
MATCH (t:Statistic {id: 'stat:trial-product-variants-2024'})
RETURN t.name AS name, t.value AS value, COLLECT {
  MATCH (t)<-[:BREAKDOWN_OF]-(p:Statistic)
  RETURN p {.category, .value, .statedPercent, findings: COLLECT { MATCH (p)<-[:CONCERNS]-(f:Finding) RETURN f {.rule, .computedValue, .statedValue} }}
} AS breakdown

// name: Inconsistencies
MATCH (f:Finding)
RETURN f {.id, .rule, .computedValue, .statedValue, .tolerance, .description} AS finding,
  COLLECT { MATCH (f)-[:CONCERNS]->(s:Statistic) RETURN s {.id, .name} } AS statistics
ORDER BY f.id

// name: SearchStatedSpelling
CALL db.index.fulltext.queryNodes('entity_search', '(autoleucl OR autoleucl*)') YIELD node, score
WHERE node:Product
RETURN node.id AS id, node.name AS name, node.sourceStated AS stated
ORDER BY score DESC, node.id LIMIT 10

// name: PathFromIncidentToProduct
MATCH (a:Entity {id: 'event:2016-wei-zexi-incident'}), (b:Entity {id: 'product:ciltacabtagene-autoleucel'})
MATCH p = shortestPath((a)-[rels*..6]-(b))
WHERE all(r IN rels WHERE NOT type(r) IN ['CITES', 'CONCERNS'])
RETURN [n IN nodes(p) | n {.id, .name}] AS nodes, [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS relationships

// name: NeighborhoodOfNMPA
MATCH (c:Entity {id: 'agency:nmpa'})
OPTIONAL MATCH (c)-[r]-(m:Entity)
WHERE NOT type(r) IN ['CITES', 'CONCERNS']
WITH c, collect(DISTINCT m)[..30] AS others
WITH [c] + others AS ns
UNWIND ns AS a
OPTIONAL MATCH (a)-[r]->(b) WHERE b IN ns AND NOT type(r) IN ['CITES', 'CONCERNS']
RETURN [n IN ns | n {.id, .name}] AS nodes, collect({type: type(r), from: a.id, to: b.id}) AS edges

// name: AtmpClassification
MATCH (c:Classification {id: 'classification:atmp'})
RETURN c.name AS name, c.scheme AS scheme,
  COLLECT { MATCH (c)<-[:ESTABLISHED]-(x) RETURN x {.id, .name} } AS establishedBy,
  COLLECT {
    MATCH (c)<-[:SUBCATEGORY_OF]-(sub:Classification)
    RETURN sub {.name,
      members: COLLECT { MATCH (sub)<-[:CLASSIFIED_AS]-(m) RETURN m {.id, .name} },
      reviewedBy: COLLECT { MATCH (sub)<-[:REVIEWS]-(d:Department) RETURN d.name }}
  } AS subcategories

// name: ProductsOfTargetByName
MATCH (:Target {name: 'BCMA'})<-[:TARGETS]-(p:Product)
WITH DISTINCT p ORDER BY p.dateStart, p.id
RETURN count(p) AS totalCount, collect(p {.id, .name, .caption, .year, sponsors: COLLECT { MATCH (p)-[:SPONSORED_BY]->(s:Sponsor) RETURN s {.id, .name} }}) AS products

// name: CD19OrLegendProducts
MATCH (p:Product)
WHERE EXISTS { (p)-[:TARGETS]->(:Target {name: 'CD19'}) } OR EXISTS { (p)-[:SPONSORED_BY]->(s:Sponsor) WHERE s.name CONTAINS 'Legend' }
WITH p ORDER BY p.name, p.id
RETURN count(p) AS totalCount, collect(p {.id, .name, .year,
  targets: COLLECT { MATCH (p)-[:TARGETS]->(t:Target) RETURN t {.id, .name} },
  sponsors: COLLECT { MATCH (p)-[:SPONSORED_BY]->(s:Sponsor) RETURN s {.id, .name} }}) AS products

// name: ApprovalsPerYearAndTarget
MATCH (p:Product)
OPTIONAL MATCH (p)-[:TARGETS]->(t:Target)
WITH p.year AS year, t, count(DISTINCT p) AS count
ORDER BY count DESC, year, t.id LIMIT 20
RETURN collect({year: year, target: t.id, count: count}) AS facets

// name: FactsCitingReference7
MATCH (r:Reference {number: 7})
RETURN r {.id, .number, .name, .authors, .journal, .year,
  citedBy: COLLECT { MATCH (r)<-[:CITES]-(x) RETURN x {.id, .name} LIMIT 50 }} AS reference,
  COLLECT { MATCH (s:Statistic) WHERE 7 IN s.sourceRefs RETURN s {.id, .name, .value, .unit} } AS statistics

// name: SearchPaged
CALL db.index.fulltext.queryNodes('entity_search_full', '(autoleucel OR autoleucel*)', {limit: 1000}) YIELD node, score
WITH collect(node) AS hits
WITH size(hits) AS totalCount, hits[0..2] AS page
RETURN totalCount, [n IN page | n {.id, .name}] AS page

// name: StatisticsOf2024Observed
MATCH (s:Statistic)
WHERE s.dateStart >= '2024-01-01' AND s.dateStart <= '2024-12-31' AND coalesce(s.forecast, false) = false
WITH s ORDER BY s.name, s.id
RETURN count(s) AS count, min(s.value) AS minValue, max(s.value) AS maxValue, collect(s {.id, .name, .date, .value, .unit}) AS statistics

// name: ChallengesAndRemedies
MATCH (c:Claim {claimType: 'challenge'})
WITH c ORDER BY c.name, c.id LIMIT 20
RETURN count { (x:Claim {claimType: 'challenge'}) } AS totalCount, collect(c {.id, .name, quote: c.sourceQuote, refs: c.sourceRefs,
  addressedBy: COLLECT { MATCH (c)<-[a:ADDRESSES]-(r:Claim) RETURN {id: r.id, name: r.name, inferred: a.sourceInferred} }}) AS challenges

// name: WhatChinaLacks
MATCH (c:Claim {claimType: 'absence'})
WITH c ORDER BY c.name, c.id LIMIT 20
RETURN collect(c {.id, .name, quote: c.sourceQuote, about: COLLECT { MATCH (c)-[:ABOUT]->(x) RETURN x {.id, .name} }}) AS absences

// name: PromotingFactors
MATCH (c:Claim {claimType: 'promoting factor'})
WITH c ORDER BY c.name, c.id LIMIT 20
RETURN collect(c {.id, .name, quote: c.sourceQuote, inferred: c.sourceInferred,
  drives: COLLECT { MATCH (c)-[:DRIVES]->(d:Claim) RETURN d {.id, .name} },
  evidence: COLLECT { MATCH (c)-[:EVIDENCED_BY]->(e) RETURN e {.id, .name} }}) AS factors
