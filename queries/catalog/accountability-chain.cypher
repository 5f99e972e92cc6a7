// name: accountability-chain
// description: How one finding is answered for up to the Police and Crime Commissioner and the Police and Crime Panel: every path of up to six hops over OWNED_BY, OVERSEEN_BY, CHAIRED_BY, REPORTS_TO, ACCOUNTABLE_TO and SCRUTINISED_BY that ends at the PCC's post or the Panel.
// param finding: string
// columns: depth, end, endName, path, hops
MATCH p = (f:Finding {key: $finding})-[:OWNED_BY|OVERSEEN_BY|CHAIRED_BY|REPORTS_TO|ACCOUNTABLE_TO|SCRUTINISED_BY*1..6]->(end)
WHERE end.key ENDS WITH '/post/police-and-crime-commissioner'
   OR end.key ENDS WITH '/board/police-and-crime-panel'
RETURN length(p) AS depth,
       end.key AS end,
       end.name AS endName,
       [n IN nodes(p) | n.key] AS path,
       [r IN relationships(p) | type(r)] AS hops
ORDER BY depth, end, path
