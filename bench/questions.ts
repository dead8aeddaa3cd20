/**
 * The read questions the side-by-side tools ask of bench:scale's kept synthetic graph (its hubs:
 * target:t0, sponsor:s0, agency:a0): bench:ab times them against another commit's API, and
 * profile:plans PROFILEs the Cypher this checkout compiles for them.
 */

/** bench:scale's API questions on the synthetic graph (its hubs: target:t0, sponsor:s0, agency:a0). */
export function scaleQuestions(): Array<{ name: string; body: { query: string; variables: Record<string, unknown> } }> {
  const q = (name: string, query: string, variables: Record<string, unknown> = {}) => ({ name, body: { query, variables } });
  return [
    q('filteredListFirstPage', 'query($t: ID!) { products(filter: {target: $t}, first: 20) { edges { node { id name year } } } }', { t: 'target:t0' }),
    q('nested3', 'query($s: ID!) { products(filter: {sponsor: $s}, first: 20) { edges { node { name sponsors(first: 2) { name products(first: 5) { name targets(first: 3) { name } } } } } } }', { s: 'sponsor:s0' }),
    q('listNested', 'query($t: ID!) { products(filter: {target: $t}, first: 20) { edges { node { name sponsors(first: 2) { name } targets(first: 3) { name } } } } }', { t: 'target:t0' }),
    q('hubNeighborhood', 'query($id: ID!) { neighborhood(id: $id, depth: 1, limit: 50) { truncated nodes { id name } edges { type from to } } }', { id: 'agency:a0' }),
    q('hubNeighborhood2', 'query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { truncated nodes { id name } edges { type from to } } }', { id: 'agency:a0' }),
    q('whereThroughRelationship', 'query($n: String!) { products(where: {targets: {some: {name: {eq: $n}}}}, first: 20) { edges { node { id name year } } } }', { n: 'Target 0' }),
    q('nameContains', '{ products(filter: {nameContains: "cilta"}, first: 20) { edges { node { id name year } } } }'),
    q('commonSearch', '{ search(text: "autoleucel", first: 20) { score node { id name } } }'),
    q('nodeById', '{ node(id: "product:p0") { id name ... on Product { year } } }'),
  ];
}

/** More questions for PROFILE alone: the hub's list by date, its total by year, aggregates, facets, a path between hubs, a search page. */
export function profiledQuestions(): Array<{ name: string; body: { query: string; variables: Record<string, unknown> } }> {
  const q = (name: string, query: string) => ({ name, body: { query, variables: {} } });
  return [
    ...scaleQuestions(),
    q('hubByDate', '{ products(filter: {target: "target:t0"}, orderBy: {field: DATE, direction: ASC}, first: 20) { edges { node { id name } } } }'),
    q('hubByDateAfter', '{ products(filter: {target: "target:t0"}, first: 20, after: "WyJuYW1lOkFTQyIsIlByb2R1Y3QgMTAwMCIsInByb2R1Y3Q6cDEwMDAiXQ") { edges { node { id name } } } }'),
    q('yearTotal', '{ products(filter: {yearFrom: 2012}, first: 20) { totalCount edges { node { id } } } }'),
    q('hubTotal', '{ products(filter: {target: "target:t0"}, first: 5) { totalCount edges { node { id } } } }'),
    q('hubAggregate', '{ products(filter: {target: "target:t0"}, first: 1) { aggregate { count minYear maxYear } } }'),
    q('facetHubYearSponsor', '{ products(filter: {target: "target:t0"}, first: 1) { facets(by: [YEAR, SPONSOR], first: 20) { buckets { keys { value } count } } } }'),
    q('hubRelationList', '{ node(id: "target:t0") { ... on Target { products(first: 20) { id name } productsConnection(first: 5) { totalCount edges { node { id } } } } } }'),
    q('pathBetweenHubs', '{ path(fromId: "target:t0", toId: "sponsor:s0", maxHops: 4) { nodes { id } relationships { type } } }'),
    q('searchPage', '{ searchConnection(text: "autoleucel", first: 20) { totalCount kinds { kind count } edges { node { id } } } }'),
    q('timeline', '{ timeline(from: "2015-01-01", to: "2016-12-31", first: 50) { id name } }'),
  ];
}
