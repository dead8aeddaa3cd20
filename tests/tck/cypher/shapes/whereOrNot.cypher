// { products(where: {OR: [{name: {contains: "cel"}}, {NOT: {year: {lt: 2023}}}]}) { edges { node { id name } } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: OR(name contains "cel"; NOT(year lt 2023))
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Product)
  WHERE ((n_u0_0.name CONTAINS $u0_0 OR NOT (n_u0_0.year < $u0_1)) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_2
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":"cel","u0_1":2023,"u0_2":21}
