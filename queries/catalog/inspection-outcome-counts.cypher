// name: inspection-outcome-counts
// description: How many of each inspection's findings have each outcome (the standing derived when the graph was built), beside the largest count a paper states of the whole inspection for that outcome ("14 closed stated, 8 of them identified"); outcomes with no finding are left out.
// param inspection: string = null
// columns: inspection, outcome, findings, stated
MATCH (i:Inspection)-[:ISSUED]->(f:Finding)
WHERE $inspection IS NULL OR i.key = $inspection
WITH i, f.outcome AS outcome, count(f) AS findings
WITH i, outcome, findings, COLLECT {
  MATCH (i)-[:HAS_STATED_COUNT]->(c)
  WHERE c.outcome = outcome AND c.count IS NOT NULL AND NOT EXISTS { (c)-[:IN_AREA]->() }
  RETURN c.count
} AS counts
RETURN i.key AS inspection,
       outcome,
       findings,
       CASE WHEN size(counts) = 0 THEN null ELSE reduce(m = 0, n IN counts | CASE WHEN n > m THEN n ELSE m END) END AS stated
ORDER BY inspection, outcome
