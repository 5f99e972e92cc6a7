// name: overdue-findings
// description: Findings past their due date and not settled as of a day (graph/standing.py, overdue_on): not closed, discharged, superseded, carried forward or signed off by then, and due before it — the anticipated completion of the latest status assessment dated by then, else the deadline. A date of month precision counts as the last day of its month, so 2023-03 is overdue from 2023-04-01. The reason says why each still stands.
// param asOf: date = today
// columns: finding, kind, due, dueSource, status, assessed, outcome, basis, reason, text
MATCH (f:Finding)
WHERE f.mayBeOpen OR f.outcomeBy > $asOf
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
     coalesce(latest.anticipatedCompletion, f.deadline) AS due,
     CASE
       WHEN latest.anticipatedCompletion IS NOT NULL THEN 'anticipatedCompletion'
       WHEN f.deadline IS NOT NULL THEN 'deadline'
     END AS dueSource
WHERE due IS NOT NULL
  AND CASE size(due) WHEN 4 THEN due + '-12-31' WHEN 7 THEN due + '-31' ELSE due END < $asOf
RETURN f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       due,
       dueSource,
       latest.status AS status,
       latest.date AS assessed,
       f.outcome AS outcome,
       f.outcomeBasis AS basis,
       f.outcomeReason AS reason,
       f.text AS text
ORDER BY due, finding
