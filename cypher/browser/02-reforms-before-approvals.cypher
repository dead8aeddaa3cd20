// Which reforms preceded which approvals: each product approved in a later year than a reform (by year, as the article dates them).
MATCH (r:Reform), (p:Product)
WHERE r.year < p.year
RETURN r.name AS reform, r.year AS reformYear, p.name AS product, p.year AS approvalYear, p.year - r.year AS lagYears
ORDER BY p.year, p.name, r.year;
