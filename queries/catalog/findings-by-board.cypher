// name: findings-by-board
// description: Findings with the board that oversees each and their outcome (the standing derived when the graph was built, graph/standing.py); one row per board and finding; openOnly keeps those the papers leave open (mayBeOpen).
// param board: string = null
// param openOnly: boolean = false
// columns: board, boardName, finding, kind, outcome, status, text
MATCH (f:Finding)-[:OVERSEEN_BY]->(b)
WHERE (NOT $openOnly OR f.mayBeOpen)
  AND ($board IS NULL OR b.key = $board)
RETURN b.key AS board,
       b.name AS boardName,
       f.key AS finding,
       coalesce(head([l IN labels(f) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       f.outcome AS outcome,
       f.latestStatus AS status,
       f.text AS text
ORDER BY board, finding
