// Statistics with their references: every figure, the total it breaks down, and the publications the article cites for it.
MATCH (s:Statistic)
OPTIONAL MATCH b = (s)-[:BREAKDOWN_OF]->(:Statistic)
OPTIONAL MATCH c = (s)-[:CITES]->(:Reference)
RETURN s, b, c;
