// Reform timeline: the triggering incident, the reforms, the guidelines that implement them and the pathways they introduced.
MATCH (r:Reform)
OPTIONAL MATCH p1 = (r)<-[:TRIGGERED]-(:Event)
OPTIONAL MATCH p2 = (r)-[:INTRODUCED]->(:Pathway)
OPTIONAL MATCH p3 = (r)-[:IMPLEMENTED_BY]->(:Guideline)
RETURN r, p1, p2, p3
ORDER BY r.dateStart;
