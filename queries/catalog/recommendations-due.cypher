// name: recommendations-due
// description: Recommendations and audit recommendations whose deadline falls in a window (both ends included), with who they are addressed to, who issued them and their outcome (the standing derived when the graph was built, graph/standing.py). A deadline of month precision falls in the window when any day of its month does (2024-03 is in a window from 2024-03-31).
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
WITH f, issuer, min(a.key) AS raisedIn
WITH f, coalesce(issuer, raisedIn) AS issuedBy
RETURN f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       f.deadline AS deadline,
       f.addressee AS addressee,
       f.forChiefConstables AS forChiefConstables,
       issuedBy,
       f.outcome AS outcome
ORDER BY deadline, finding
