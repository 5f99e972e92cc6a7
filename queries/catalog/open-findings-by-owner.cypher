// name: open-findings-by-owner
// description: Findings the papers leave open (mayBeOpen: open, or an unknown outcome that may still be open; graph/standing.py) with who owns each; one row per owner, and a finding nobody owns has owner null.
// param owner: string = null
// columns: owner, ownerName, finding, kind, outcome, status, due, text
MATCH (f:Finding)
WHERE f.mayBeOpen
OPTIONAL MATCH (f)-[:OWNED_BY]->(o)
WITH f, o
WHERE $owner IS NULL OR o.key = $owner
RETURN o.key AS owner,
       o.name AS ownerName,
       f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       f.outcome AS outcome,
       f.latestStatus AS status,
       f.due AS due,
       f.text AS text
ORDER BY owner, finding
