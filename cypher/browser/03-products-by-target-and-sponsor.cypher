// Products by target and sponsor: the six approved CAR-T products with their antigens and the companies that hold them.
MATCH path = (s:Sponsor)<-[:SPONSORED_BY]-(p:Product)-[:TARGETS]->(t:Target)
RETURN path;
