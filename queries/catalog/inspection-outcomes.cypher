// name: inspection-outcomes
// description: What each inspection's findings became (closed, discharged, superseded, carried forward, signed off, open or unknown) and how it is known (recorded, deduced from the stated counts, inferred, unknown): the standing derived once when the graph was built (graph/standing.py), with the latest status and the stated or registered successors and plans.
// param inspection: string = null
// columns: inspection, finding, kind, number, outcome, basis, status, assessed, supersededBy, carriedForwardTo
MATCH (i:Inspection)-[:ISSUED]->(f:Finding)
WHERE $inspection IS NULL OR i.key = $inspection
RETURN i.key AS inspection,
       f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       f.number AS number,
       f.outcome AS outcome,
       f.outcomeBasis AS basis,
       f.latestStatus AS status,
       f.latestStatusDate AS assessed,
       COLLECT {
         MATCH (f)<-[r:SUPERSEDES]-(newer)
         WHERE r.basis IN ['stated', 'register']
         RETURN newer.key ORDER BY newer.key
       } AS supersededBy,
       COLLECT {
         MATCH (f)-[:CARRIED_FORWARD_TO]->(plan)
         RETURN plan.key ORDER BY plan.key
       } AS carriedForwardTo
ORDER BY inspection, finding
