// { sponsors(asOf: 8, first: 5) { totalCount edges { node { id name } } } }

// read:list.Sponsor.asOf
// list Sponsor
//   anchor: asOf change set 8 (1 changed since, 1 states then)
//   where: true
//   order: name ASC, id
//   page: first 5
//   node: id name
//   totalCount: count the matches
CALL () {
  CALL () {
    MATCH (n_u0_0:Sponsor)
    WHERE (NOT (n_u0_0.id IN $u0_0) AND n_u0_0.name IS NOT NULL)
    WITH n_u0_0
    ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_1
    RETURN n_u0_0
    UNION
    UNWIND $u0_2 AS n_u0_0
    WITH n_u0_0
    WHERE n_u0_0.name IS NOT NULL
    WITH n_u0_0
    ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
    LIMIT $u0_1
    RETURN n_u0_0
  }
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_1
  RETURN collect(n_u0_0 { .id, .name, kind: $u0_3 }) AS page_u0_1
}
CALL () {
  CALL () {
    MATCH (n_u0_2:Sponsor)
    RETURN count(n_u0_2) AS c_u0_3
    UNION ALL
    MATCH (n_u0_2:Entity)
    WHERE (n_u0_2.id IN $u0_4 AND n_u0_2:Sponsor)
    RETURN -count(n_u0_2) AS c_u0_3
    UNION ALL
    UNWIND $u0_5 AS n_u0_2
    WITH n_u0_2
    RETURN count(n_u0_2) AS c_u0_3
  }
  RETURN sum(c_u0_3) AS total_u0_4
}
RETURN page_u0_1, total_u0_4
// params: {"u0_0":["sponsor:legend-biotech"],"u0_1":6,"u0_2":[{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}],"u0_3":"Sponsor","u0_4":["sponsor:legend-biotech"],"u0_5":[{"id":"sponsor:legend-biotech","name":"Legend","kind":"Sponsor","searchText":"legend"}]}
