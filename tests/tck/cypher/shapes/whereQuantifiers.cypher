// { products(where: {sponsors: {none: {name: {contains: "Legend"}}}, targets: {all: {name: {in: ["CD19", "BCMA"]}}}, classifications: {single: {id: {eq: "classification:therapeutic-biological-products"}}}}) { edges { node { id name } } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: all -[TARGETS]->Target (name in ["CD19","BCMA"]) AND none -[SPONSORED_BY]->Sponsor (name contains "Legend") AND single -[CLASSIFIED_AS]->Classification (id eq "classification:therapeutic-biological-products")
//   order: name ASC, id
//   page: first 20
//   node: id name
CALL () {
  MATCH (n_u0_0:Product)
  WHERE ((NOT (EXISTS {
    MATCH (n_u0_0)-[:TARGETS]->(w_u0_1)
    WHERE NOT (w_u0_1.name IN $u0_0)
  }) AND NOT (EXISTS {
    MATCH (n_u0_0)-[:SPONSORED_BY]->(w_u0_2)
    WHERE w_u0_2.name CONTAINS $u0_1
  }) AND COUNT {
    MATCH (n_u0_0)-[:CLASSIFIED_AS]->(w_u0_3)
    WHERE w_u0_3.id = $u0_2
  } = 1) AND n_u0_0.name IS NOT NULL)
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_3
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_4
}
RETURN page_u0_4
// params: {"u0_0":["CD19","BCMA"],"u0_1":"Legend","u0_2":"classification:therapeutic-biological-products","u0_3":21}
