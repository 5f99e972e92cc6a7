// name: findings-by-board
// description: Findings with the board that oversees each and their outcome (queries/outcomes.py rule); one row per board and finding.
// param board: string = null
// param openOnly: boolean = false
// columns: board, boardName, finding, kind, outcome, status, text
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
WHERE NOT $openOnly OR outcome IN ['open', 'unknown']
MATCH (f)-[:OVERSEEN_BY]->(b)
WHERE $board IS NULL OR b.key = $board
RETURN b.key AS board,
       b.name AS boardName,
       f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       outcome,
       latest.status AS status,
       f.text AS text
ORDER BY board, finding
