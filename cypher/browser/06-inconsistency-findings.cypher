// Inconsistency findings: what the checker recomputed (npm run check), and the statistics each finding concerns.
MATCH path = (f:Finding)-[:CONCERNS]->(:Statistic)
RETURN path;
