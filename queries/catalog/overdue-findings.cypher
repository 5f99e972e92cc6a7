// name: overdue-findings
// description: Open findings (outcome open or unknown) whose due date has passed as of a day: the anticipated completion of the latest status assessment dated by then, else the finding's deadline. A date of month precision counts as the last day of its month, of year precision as 31 December, so 2023-03 is overdue from 2023-04-01.
// param asOf: date = today
// columns: finding, kind, due, dueSource, status, assessed, outcome, text
MATCH (f:Finding)
WITH f, last(COLLECT {
  MATCH (f)-[:HAS_STATUS]->(s)
  WHERE CASE size(coalesce(s.date, ''))
          WHEN 4 THEN s.date + '-12-31'
          WHEN 7 THEN s.date + '-31'
          ELSE coalesce(s.date, '')
        END <= $asOf
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
     END AS outcome,
     coalesce(latest.anticipatedCompletion, f.deadline) AS due,
     CASE
       WHEN latest.anticipatedCompletion IS NOT NULL THEN 'anticipatedCompletion'
       WHEN f.deadline IS NOT NULL THEN 'deadline'
     END AS dueSource
WHERE outcome IN ['open', 'unknown']
  AND due IS NOT NULL
  AND CASE size(due) WHEN 4 THEN due + '-12-31' WHEN 7 THEN due + '-31' ELSE due END < $asOf
RETURN f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       due,
       dueSource,
       latest.status AS status,
       latest.date AS assessed,
       outcome,
       f.text AS text
ORDER BY due, finding
