// Timeline and range filters read the start of each dated entity.
CREATE RANGE INDEX entity_date_start IF NOT EXISTS FOR (n:Entity) ON (n.dateStart);
CREATE RANGE INDEX entity_year IF NOT EXISTS FOR (n:Entity) ON (n.year);
CREATE RANGE INDEX statistic_metric IF NOT EXISTS FOR (s:Statistic) ON (s.metric);
// search(text:) ranks names, aliases (with the article's stated spellings) and descriptions.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.searchText];
