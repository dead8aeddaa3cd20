/**
 * The shapes of list questions beside the example operations: every filter of every kind, each sort
 * (one key, several, a key some entities lack, by id), pages past a cursor, `where` conditions of each
 * form, relationship fields and connections, totals, aggregates and facets, and the other root
 * questions. tck.test.ts pins the Cypher each translates to.
 */
import { encodeCursor } from '../../src/graph/read/cursor.js';
import { REL_TYPES } from '../../src/graph/model.js';

const after = (order: string, value: unknown, id: string) => JSON.stringify(encodeCursor(order, { value: value as never, id }));
const EDGES = 'edges { node { id name } }';

export const SHAPES: Record<string, string> = {
  // Lists of a kind: the anchor, and the filters each kind takes.
  listByName: `{ agencies { ${EDGES} } }`,
  listById: `{ targets(orderBy: {field: ID, direction: DESC}) { ${EDGES} } }`,
  filterNameContains: `{ products(filter: {nameContains: "cilta"}, first: 20) { ${EDGES} } }`,
  filterStatus: `{ agencies(filter: {status: "former"}) { ${EDGES} } }`,
  filterYearRange: `{ reforms(filter: {yearFrom: 2017, yearTo: 2020}) { ${EDGES} } }`,
  filterIssuedBy: `{ guidelines(filter: {issuedBy: "agency:nmpa"}) { ${EDGES} } }`,
  filterEnactedBy: `{ reforms(filter: {enactedBy: "agency:nmpa"}) { ${EDGES} } }`,
  filterEventType: `{ events(filter: {eventType: "funding"}) { ${EDGES} } }`,
  filterTarget: `{ products(filter: {target: "target:bcma"}) { ${EDGES} } }`,
  filterTargetAndSponsor: `{ products(filter: {target: "target:bcma", sponsor: "sponsor:legend-biotech"}) { ${EDGES} } }`,
  filterMetricYear: `{ statistics(filter: {metric: "ind_applications", year: 2023}) { ${EDGES} } }`,
  filterDimension: `{ statistics(filter: {dimension: "phase"}) { ${EDGES} } }`,
  filterClaimType: `{ claims(filter: {claimType: "challenge"}) { ${EDGES} } }`,
  filterReferenceYears: `{ references(filter: {yearFrom: 2020}) { ${EDGES} } }`,
  // Orders and cursors.
  sortDateDesc: `{ products(orderBy: {field: DATE, direction: DESC}) { ${EDGES} } }`,
  sortOptionalDate: `{ guidelines(orderBy: {field: DATE}) { ${EDGES} } }`,
  sortValue: `{ statistics(orderBy: {field: VALUE, direction: DESC}, first: 5) { ${EDGES} } }`,
  sortNumber: `{ references(orderBy: {field: NUMBER}) { ${EDGES} } }`,
  sortSeveralKeys: `{ products(sort: [{field: YEAR, direction: DESC}, {field: NAME}]) { ${EDGES} } }`,
  afterByName: `{ products(first: 2, after: ${after('name:ASC', 'Axicabtagene ciloleucel', 'product:axicabtagene-ciloleucel')}) { pageInfo { hasNextPage endCursor } ${EDGES} } }`,
  afterById: `{ targets(orderBy: {field: ID}, after: ${after('id:ASC', 'target:bcma', 'target:bcma')}) { ${EDGES} } }`,
  afterOptionalDate: `{ guidelines(orderBy: {field: DATE, direction: DESC}, after: ${after('dateStart:DESC', '2017-12', 'guideline:x')}) { ${EDGES} } }`,
  afterSeveralKeys: `{ products(sort: [{field: YEAR, direction: DESC}, {field: NAME}], after: ${after('year:DESC,name:ASC', [2023, 'X'], 'product:x')}) { ${EDGES} } }`,
  afterOnHubByName: `{ products(filter: {target: "target:bcma"}, first: 1, after: ${after('name:ASC', 'C', 'product:c')}) { ${EDGES} } }`,
  // Where conditions.
  whereCompare: `{ statistics(where: {value: {gte: 100}, unit: {eq: "count"}}) { ${EDGES} } }`,
  whereStringOperators: `{ products(where: {name: {startsWith: "Ci"}, modality: {in: ["CAR-T"]}, id: {endsWith: "leucel"}}) { ${EDGES} } }`,
  whereDate: `{ statistics(where: {date: {gte: "2024", lte: "2024"}, forecast: {eq: false}}) { ${EDGES} } }`,
  whereOrNot: `{ products(where: {OR: [{name: {contains: "cel"}}, {NOT: {year: {lt: 2023}}}]}) { ${EDGES} } }`,
  whereAnchorById: `{ products(where: {targets: {some: {id: {eq: "target:cd19"}}}}) { ${EDGES} } }`,
  whereAnchorByName: `{ products(where: {targets: {some: {name: {eq: "BCMA"}}}}) { totalCount ${EDGES} } }`,
  whereQuantifiers: `{ products(where: {sponsors: {none: {name: {contains: "Legend"}}}, targets: {all: {name: {in: ["CD19", "BCMA"]}}}, classifications: {single: {id: {eq: "classification:therapeutic-biological-products"}}}}) { ${EDGES} } }`,
  whereProvenance: `{ statistics(where: {dataSource: {contains: "Insight"}, document: {eq: "doc:china-cell-therapy-review"}, sentence: {gte: 100}}) { ${EDGES} } }`,
  whereCites: `{ statistics(where: {cites: 7}) { totalCount ${EDGES} } }`,
  // As of a past change set (translate.ts answers the change log): own fields, then relationships.
  listAsOf: `{ sponsors(asOf: 8, first: 5) { totalCount ${EDGES} } }`,
  listViaAsOf: `{ products(filter: {target: "target:bcma"}, asOf: 8, first: 5, orderBy: {field: DATE}) { totalCount edges { node { id name } } } }`,
  listAsOfFacets: `{ products(asOf: 8, first: 0) { aggregate { count minYear maxYear } facets(by: [YEAR, TARGET]) { keys { value id } count } } }`,
  listViaAsOfFacets: `{ products(filter: {target: "target:bcma"}, asOf: 8, first: 0) { totalCount facets(by: [SPONSOR]) { keys { value id } count } } }`,
  connectionAsOfFacets: `{ node(id: "target:bcma", asOf: 8) { ... on Target { productsConnection(first: 2) { totalCount aggregate { count } facets(by: [YEAR]) { keys { value } count } edges { node { name } } } } } }`,
  derivedAsOf: `{ node(id: "product:ciltacabtagene-autoleucel", asOf: 8) { ... on Product { precedingReforms(first: 5) { lagYears reform { name } } } } reformsPreceding(productId: "product:ciltacabtagene-autoleucel", asOf: 8) { lagYears } }`,
  siblingsAsOf: `{ node(id: "stat:clinical-trials-2017-2024-phase-i", asOf: 8) { ... on Statistic { siblings(first: 5) { id value } } } }`,
  listAsOfRelationships: `{ products(asOf: 8, first: 5) { edges { node { id name targets { id name } } } } }`,
  nodeAsOfRelationships: `{ node(id: "product:ciltacabtagene-autoleucel", asOf: 8) { id ... on Product { sponsors { name } targetsConnection(first: 5) { totalCount edges { node { name } } } } } }`,
  neighborhoodAsOf: `{ neighborhood(id: "target:bcma", asOf: 8) { nodes { id name } edges { type from to } } }`,
  pathAsOf: `{ path(fromId: "target:bcma", toId: "agency:nmpa", asOf: 8) { nodes { id } relationships { type } } }`,
  searchAsOf: `{ search(text: "BCMA", asOf: 8) { node { id name } } }`,
  // Totals, aggregates, facets.
  totalOfKind: `{ products { totalCount } }`,
  totalOfHub: `{ products(filter: {target: "target:bcma"}) { totalCount } }`,
  totalFiltered: `{ products(filter: {yearFrom: 2023}) { totalCount } }`,
  aggregate: `{ statistics(filter: {metric: "ind_applications"}) { aggregate { count minYear maxYear minValue maxValue } } }`,
  facetsOneKey: `{ claims(first: 0) { facets(by: [CLAIM_TYPE]) { keys { value } count } } }`,
  facetsTwoKeys: `{ products(first: 0) { facets(by: [YEAR, TARGET], first: 10) { keys { value id } count } } }`,
  // Relationship fields under a node and under a list.
  relationsOfNode: `{ node(id: "product:ciltacabtagene-autoleucel") { id ... on Product { targets { name } sponsors(first: 3) { name } approvedBy { name } } } }`,
  relationsUnderList: `{ products(first: 5) { edges { node { name targets { name } classifications { name } } } } }`,
  hubRelation: `{ node(id: "agency:nmpa") { ... on Agency { approvedProducts(first: 5) { name } issuedGuidelines { name } } } }`,
  relationConnection: `{ node(id: "target:bcma") { ... on Target { productsConnection(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } sources { section quote referenceNumber } properties } } } } }`,
  relationConnectionAfter: `{ node(id: "target:bcma") { ... on Target { productsConnection(first: 2, after: ${after('name', 'Ciltacabtagene autoleucel', 'product:ciltacabtagene-autoleucel')}) { edges { node { id } } } } } }`,
  relationConnectionFacets: `{ node(id: "agency:nmpa") { ... on Agency { approvedProductsConnection(first: 0) { aggregate { count minYear } facets(by: [TARGET]) { keys { value } count } } } } }`,
  interfaceFields: `{ node(id: "target:bcma") { id ... on Target { products { name } } ... on Sponsor { products { id } } } }`,
  sourcesAndReferences: `{ node(id: "reform:2019-regulatory-science-action-plan") { sources { section quote reference { number title } } } }`,
  derivedFields: `{ node(id: "stat:ind-applications-2023") { ... on Statistic { siblings { name } } } }`,
  nodesByIds: `{ nodes(ids: ["target:bcma", "sponsor:legend-biotech", "nope"]) { id name } }`,
  referenceByNumber: `{ reference(number: 7) { title citedBy(first: 5) { id } } }`,
  // Other root questions.
  searchList: `{ search(text: "BCMA CAR-T", kinds: [PRODUCT, TARGET], first: 5) { score node { id } } }`,
  searchPageAfter: `{ searchConnection(text: "autoleucel", first: 2, after: ${after('score:DESC', 1.5, 'product:x')}) { totalCount kinds { kind count } edges { cursor highlight node { id } } } }`,
  timeline: `{ timeline(from: "2017", to: "2019", kinds: [REFORM, PRODUCT]) { date kind title } }`,
  path: `{ path(fromId: "target:bcma", toId: "agency:nmpa", maxHops: 4) { nodes { id } relationships { type } } }`,
  neighbourhoodDepth2: `{ neighborhood(id: "agency:nmpa", depth: 2, limit: 50) { nodes { id } edges { type } truncated } }`,
  pathStatedOnly: `{ path(fromId: "target:bcma", toId: "agency:nmpa", includeInferred: false) { nodes { id } relationships { type } } }`,
  neighbourhoodStatedOnly: `{ neighborhood(id: "agency:nmpa", includeInferred: false) { nodes { id } edges { type } } }`,
  reformsPreceding: `{ reformsPreceding(productId: "product:ciltacabtagene-autoleucel") { lagYears reform { name } } }`,
  inconsistencies: `{ inconsistencies { id name } }`,
  twoRootFields: `{ a: products(first: 1) { totalCount } b: targets(first: 1) { ${EDGES} } }`,
  // Asked with includeRetracted: a second anchor on :Retracted(kind), retracted links followed below.
  listWithRetracted: `{ products(first: 2, filter: {yearFrom: 2020}, includeRetracted: true) { totalCount aggregate { count } edges { node { id retracted targets { id } } } } }`,
  nodeWithRetracted: `{ node(id: "product:x", includeRetracted: true) { id ... on Product { targets { id } sponsorsConnection(first: 1) { totalCount edges { node { id } } } } } }`,
  timelineWithRetracted: `{ timeline(from: "2017", kinds: [PRODUCT], includeRetracted: true) { date node { id retracted } } }`,
  searchWithRetracted: `{ search(text: "Testacabtagene", kinds: [PRODUCT], includeRetracted: true) { score node { id retracted } } }`,
  searchPageWithRetracted: `{ searchConnection(text: "autoleucel", first: 2, includeRetracted: true) { totalCount kinds { kind count } edges { cursor node { id retracted } } } }`,
  pathWithRetracted: `{ path(fromId: "target:cd19", toId: "agency:nmpa", includeInferred: false, includeRetracted: true) { nodes { id } relationships { type retracted } } }`,
  neighbourhoodWithRetracted: `{ neighborhood(id: "agency:nmpa", includeRetracted: true) { nodes { id retracted } edges { type retracted } } }`,
};

/** Shapes refused while planning, with the code they get; none reaches a statement. */
export const REFUSED: Record<string, { query: string; code: string }> = {
  pageOverCap: { query: `{ products(first: 101) { totalCount } }`, code: 'BAD_USER_INPUT' },
  nestedPageOverCap: { query: `{ products(first: 1) { edges { node { targets(first: 101) { name } } } } }`, code: 'BAD_USER_INPUT' },
  cursorOfAnotherOrder: { query: `{ products(orderBy: {field: DATE}, after: ${after('name:ASC', 'X', 'product:x')}) { totalCount } }`, code: 'BAD_USER_INPUT' },
  tamperedCursor: { query: `{ products(after: "bm9wZQ") { totalCount } }`, code: 'BAD_USER_INPUT' },
  sortKeyTheKindLacks: { query: `{ products(sort: [{field: VALUE}]) { totalCount } }`, code: 'BAD_USER_INPUT' },
  orderKeyTheKindLacks: { query: `{ targets(orderBy: {field: DATE}) { totalCount } }`, code: 'BAD_USER_INPUT' },
  hopsPastTheirBound: { query: `{ path(fromId: "target:bcma", toId: "agency:nmpa", maxHops: 7) { length } }`, code: 'BAD_USER_INPUT' },
  everyTypeExcluded: { query: `{ neighborhood(id: "agency:nmpa", excludeTypes: [${REL_TYPES.join(', ')}]) { truncated } }`, code: 'BAD_USER_INPUT' },
  whereTooDeep: { query: `{ products(where: {NOT: {NOT: {NOT: {NOT: {NOT: {NOT: {NOT: {NOT: {NOT: {name: {eq: "x"}}}}}}}}}}}) { totalCount } }`, code: 'BAD_USER_INPUT' },
};
