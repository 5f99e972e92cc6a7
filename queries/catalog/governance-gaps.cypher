// name: governance-gaps
// description: Findings that nobody owns or that no board oversees, with who issued them and their outcome; by default only those the papers leave open (mayBeOpen, graph/standing.py).
// param openOnly: boolean = true
// columns: finding, kind, issuedBy, outcome, noOwner, noBoard
MATCH (f:Finding)
WITH f,
     NOT EXISTS { (f)-[:OWNED_BY]->() } AS noOwner,
     NOT EXISTS { (f)-[:OVERSEEN_BY]->() } AS noBoard
WHERE (noOwner OR noBoard) AND (NOT $openOnly OR f.mayBeOpen)
OPTIONAL MATCH (i)-[:ISSUED]->(f)
WITH f, noOwner, noBoard, min(i.key) AS issuer
OPTIONAL MATCH (f)-[:RAISED_IN]->(a)
WITH f, noOwner, noBoard, issuer, min(a.key) AS raisedIn
WITH f, noOwner, noBoard, coalesce(issuer, raisedIn) AS issuedBy
RETURN f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       issuedBy,
       f.outcome AS outcome,
       noOwner,
       noBoard
ORDER BY finding
