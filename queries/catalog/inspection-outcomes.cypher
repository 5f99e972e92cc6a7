// name: inspection-outcomes
// description: What each inspection's findings became: closed, discharged, superseded, carried forward, open or unknown. Carried forward if CARRIED_FORWARD_TO; superseded if a later finding SUPERSEDES it on a stated or register basis (inferred never decides); else the latest status assessment's status; else unknown (the rule of queries/outcomes.py).
// param inspection: string = null
// columns: inspection, finding, kind, number, outcome, status, assessed, supersededBy, carriedForwardTo
MATCH (i:Inspection)-[:ISSUED]->(f:Finding)
WHERE $inspection IS NULL OR i.key = $inspection
WITH i, f, last(COLLECT {
  MATCH (f)-[:HAS_STATUS]->(s)
  RETURN s ORDER BY coalesce(s.date, ''), s.key
}) AS latest
OPTIONAL MATCH (f)-[:CARRIED_FORWARD_TO]->(plan)
WITH i, f, latest, plan ORDER BY plan.key
WITH i, f, latest, collect(plan.key) AS carriedForwardTo
OPTIONAL MATCH (f)<-[r:SUPERSEDES]-(newer)
WHERE r.basis IN ['stated', 'register']
WITH i, f, latest, carriedForwardTo, newer ORDER BY newer.key
WITH i, f, latest, carriedForwardTo, collect(newer.key) AS supersededBy
RETURN i.key AS inspection,
       f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       f.number AS number,
       CASE
         WHEN size(carriedForwardTo) > 0 THEN 'carried-forward'
         WHEN size(supersededBy) > 0 THEN 'superseded'
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
       END AS outcome,
       latest.status AS status,
       latest.date AS assessed,
       supersededBy,
       carriedForwardTo
ORDER BY inspection, finding
