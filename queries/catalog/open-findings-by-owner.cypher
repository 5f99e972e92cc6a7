// name: open-findings-by-owner
// description: Findings still open (outcome open or unknown, by the outcome rule of queries/outcomes.py) with who owns each; one row per owner, and a finding nobody owns has owner null.
// param owner: string = null
// columns: owner, ownerName, finding, kind, outcome, status, due, text
MATCH (f:Finding)
WITH f, last(COLLECT {
  MATCH (f)-[:HAS_STATUS]->(s)
  RETURN s ORDER BY coalesce(s.date, ''), s.key
}) AS latest
WITH f, latest,
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
WHERE outcome IN ['open', 'unknown']
OPTIONAL MATCH (f)-[:OWNED_BY]->(o)
WITH f, latest, outcome, o
WHERE $owner IS NULL OR o.key = $owner
RETURN o.key AS owner,
       o.name AS ownerName,
       f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       outcome,
       latest.status AS status,
       coalesce(latest.anticipatedCompletion, f.deadline) AS due,
       f.text AS text
ORDER BY owner, finding
