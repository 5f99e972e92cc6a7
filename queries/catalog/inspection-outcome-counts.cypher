// name: inspection-outcome-counts
// description: How many of each inspection's findings were closed, discharged, superseded, carried forward, open or unknown, by the outcome rule of queries/outcomes.py; outcomes with no finding are left out.
// param inspection: string = null
// columns: inspection, outcome, findings
MATCH (i:Inspection)-[:ISSUED]->(f:Finding)
WHERE $inspection IS NULL OR i.key = $inspection
WITH i, f, last(COLLECT {
  MATCH (f)-[:HAS_STATUS]->(s)
  RETURN s ORDER BY coalesce(s.date, ''), s.key
}) AS latest
WITH i, f,
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
RETURN i.key AS inspection, outcome, count(f) AS findings
ORDER BY inspection, outcome
