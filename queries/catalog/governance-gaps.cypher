// name: governance-gaps
// description: Findings that nobody owns or that no board oversees, with who issued them and their outcome; by default only those still open (outcome open or unknown).
// param openOnly: boolean = true
// columns: finding, kind, issuedBy, outcome, noOwner, noBoard
MATCH (f:Finding)
WITH f,
     NOT EXISTS { (f)-[:OWNED_BY]->() } AS noOwner,
     NOT EXISTS { (f)-[:OVERSEEN_BY]->() } AS noBoard
WHERE noOwner OR noBoard
WITH f, noOwner, noBoard, last(COLLECT {
  MATCH (f)-[:HAS_STATUS]->(s)
  RETURN s ORDER BY coalesce(s.date, ''), s.key
}) AS latest
WITH f, noOwner, noBoard,
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
WHERE NOT $openOnly OR outcome IN ['open', 'unknown']
OPTIONAL MATCH (i)-[:ISSUED]->(f)
WITH f, noOwner, noBoard, outcome, min(i.key) AS issuer
OPTIONAL MATCH (f)-[:RAISED_IN]->(a)
WITH f, noOwner, noBoard, outcome, coalesce(issuer, min(a.key)) AS issuedBy
RETURN f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       issuedBy,
       outcome,
       noOwner,
       noBoard
ORDER BY finding
