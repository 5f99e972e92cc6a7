// name: findings-by-area
// description: Findings by the assessment area they are filed under, with who issued each and its outcome (the standing derived when the graph was built, graph/standing.py).
// param area: string = null
// columns: area, areaName, finding, kind, issuedBy, outcome
MATCH (f:Finding)-[:IN_AREA]->(a)
WHERE $area IS NULL OR a.key = $area
OPTIONAL MATCH (i)-[:ISSUED]->(f)
WITH f, a, min(i.key) AS issuer
OPTIONAL MATCH (f)-[:RAISED_IN]->(au)
WITH f, a, issuer, min(au.key) AS raisedIn
WITH f, a, coalesce(issuer, raisedIn) AS issuedBy
RETURN a.key AS area,
       a.name AS areaName,
       f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       issuedBy,
       f.outcome AS outcome
ORDER BY area, finding
