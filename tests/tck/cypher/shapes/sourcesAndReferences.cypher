// { node(id: "reform:2019-regulatory-science-action-plan") { sources { section quote reference { number title } } } }

// read:nodes
// nodes ["reform:2019-regulatory-science-action-plan"]
//   node: sources { reference { number } }
CALL () {
  UNWIND $u0_0 AS id_u0_0
  OPTIONAL MATCH (n_u0_1:Entity { id: id_u0_0 })
  CALL (n_u0_1) {
    UNWIND coalesce(n_u0_1.sourceRefs, []) AS number_u0_2
    MATCH (ref_u0_3:Reference { number: number_u0_2 })
    RETURN collect(ref_u0_3 { .id, .name, .number, kind: head([l IN labels(ref_u0_3) WHERE l <> 'Entity']) }) AS refs_u0_4
  }
  RETURN collect({id: id_u0_0, node: n_u0_1 { .id, .name, .sourceSection, .sourceQuote, .sourceStated, .sourceRefs, .sourceInferred, .sourceDataSource, .sourceDocument, .sourceSentence, .sourceUnverified, kind: head([l IN labels(n_u0_1) WHERE l <> 'Entity']), __refs: refs_u0_4 }}) AS nodes_u0_5
}
RETURN nodes_u0_5
// params: {"u0_0":["reform:2019-regulatory-science-action-plan"]}
