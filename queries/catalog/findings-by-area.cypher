// name: findings-by-area
// description: Findings by the assessment area they are filed under, with who issued each and its outcome (queries/outcomes.py rule).
// param area: string = null
// columns: area, areaName, finding, kind, issuedBy, outcome
MATCH (f:Finding)-[:IN_AREA]->(a)
WHERE $area IS NULL OR a.key = $area
OPTIONAL MATCH (i)-[:ISSUED]->(f)
WITH f, a, min(i.key) AS issuer
OPTIONAL MATCH (f)-[:RAISED_IN]->(au)
WITH f, a, coalesce(issuer, min(au.key)) AS issuedBy
WITH f, a, issuedBy, last(COLLECT {
  MATCH (f)-[:HAS_STATUS]->(s)
  RETURN s ORDER BY coalesce(s.date, ''), s.key
}) AS latest
RETURN a.key AS area,
       a.name AS areaName,
       f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       issuedBy,
       CASE
         WHEN EXISTS { (f)-[:CARRIED_FORWARD_TO]->() } THEN 'carried-forward'
         WHEN EXISTS { (f)<-[r:SUPERSEDES]-() WHERE r.basis IN ['stated', 'register'] } THEN 'superseded'
         WHEN latest.status IS NULL THEN 'unknown'
         ELSE CASE latest.status
           WHEN 'closed' THEN 'closed'
           WHEN 'discharged' THEN 'discharged'
           WHEN 'superseded' THEN 'superseded'
           WHEN 'carried-forward' THEN 'carried-forward'
           WHEN 'open' THEN 'open'
           WHEN 'in-progress' THEN 'open'
           WHEN 'completed' THEN 'open'
         END
       END AS outcome
ORDER BY area, finding
