// { products(where: {name: {startsWith: "Ci"}, modality: {in: ["CAR-T"]}, id: {endsWith: "leucel"}}) { edges { node { id name } } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: id endsWith "leucel" AND name startsWith "Ci" AND modality in ["CAR-T"]
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Product)
  WHERE ((n_u0_0.id ENDS WITH $u0_0 AND n_u0_0.name STARTS WITH $u0_1 AND n_u0_0.modality IN $u0_2) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":"leucel","u0_1":"Ci","u0_2":["CAR-T"],"u0_3":21}
