// { products(first: 2, after: "WyJuYW1lOkFTQyIsIkF4aWNhYnRhZ2VuZSBjaWxvbGV1Y2VsIiwicHJvZHVjdDpheGljYWJ0YWdlbmUtY2lsb2xldWNlbCJd") { pageInfo { hasNextPage endCursor } edges { node { id name } } } }

// read:list.Product
// list Product
//   anchor: kind
//   where: true
//   order: name ASC, id
//   page: first 2, after ["Axicabtagene ciloleucel","product:axicabtagene-ciloleucel"]
//   node: id name
CALL () {
  MATCH (n_u0_0:Product)
  WHERE (n_u0_0.name >= $u0_0 AND (n_u0_0.name > $u0_0 OR n_u0_0.id > $u0_1))
  WITH n_u0_0
  ORDER BY n_u0_0.name ASC, n_u0_0.id ASC
  LIMIT $u0_2
  RETURN collect(n_u0_0 { .id, .name, kind: head([l IN labels(n_u0_0) WHERE l <> 'Entity']) }) AS page_u0_1
}
RETURN page_u0_1
// params: {"u0_0":"Axicabtagene ciloleucel","u0_1":"product:axicabtagene-ciloleucel","u0_2":3}
