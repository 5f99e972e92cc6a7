// name: boards
// description: Every board with who chairs it, whom it reports to, how many findings it oversees and what else (plans, programmes) it oversees.
// columns: board, name, chairs, chairNames, reportsTo, findings, oversees
MATCH (b:Board)
OPTIONAL MATCH (b)-[:CHAIRED_BY]->(c)
WITH b, c ORDER BY c.key
WITH b, collect(c.key) AS chairs, collect(coalesce(c.name, c.key)) AS chairNames
OPTIONAL MATCH (b)-[:REPORTS_TO]->(up)
WITH b, chairs, chairNames, up ORDER BY up.key
WITH b, chairs, chairNames, collect(up.key) AS reportsTo
OPTIONAL MATCH (x)-[:OVERSEEN_BY]->(b)
WITH b, chairs, chairNames, reportsTo, x ORDER BY x.key
WITH b, chairs, chairNames, reportsTo, collect(x) AS overseen
RETURN b.key AS board,
       b.name AS name,
       chairs,
       chairNames,
       reportsTo,
       size([n IN overseen WHERE n:Finding]) AS findings,
       [n IN overseen WHERE NOT n:Finding | n.key] AS oversees
ORDER BY board
