// name: recommendations-due
// description: Recommendations and audit recommendations whose deadline falls in a window (both ends included), with who they are addressed to, who issued them and their outcome. A deadline of month precision falls in the window when any day of its month does (2024-03 is in a window from 2024-03-31).
// param dueFrom: date = 0001-01-01
// param dueTo: date = 9999-12-31
// columns: finding, kind, deadline, addressee, forChiefConstables, issuedBy, outcome
MATCH (f:Finding)
WHERE (f:Recommendation OR f:AuditRecommendation)
  AND f.deadline IS NOT NULL
  AND f.deadline <= $dueTo
  AND CASE size(f.deadline) WHEN 4 THEN f.deadline + '-12-31' WHEN 7 THEN f.deadline + '-31' ELSE f.deadline END >= $dueFrom
OPTIONAL MATCH (i)-[:ISSUED]->(f)
WITH f, min(i.key) AS issuer
OPTIONAL MATCH (f)-[:RAISED_IN]->(a)
WITH f, coalesce(issuer, min(a.key)) AS issuedBy
WITH f, issuedBy, last(COLLECT {
  MATCH (f)-[:HAS_STATUS]->(s)
  RETURN s ORDER BY coalesce(s.date, ''), s.key
}) AS latest
RETURN f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       f.deadline AS deadline,
       f.addressee AS addressee,
       f.forChiefConstables AS forChiefConstables,
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
ORDER BY deadline, finding
