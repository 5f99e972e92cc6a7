// name: finding-lineage
// description: The supersession lineage of one finding at any depth, both ways: the earlier findings it supersedes and the later ones that supersede it; one row per path, with the basis of each hop (stated, register or inferred). Inferred hops are suggestions and can be left out.
// param finding: string
// param includeInferred: boolean = true
// columns: direction, depth, finding, kind, path, bases
MATCH (start:Finding {key: $finding})
CALL (start) {
  MATCH p = (start)-[:SUPERSEDES*1..]->(other)
  WHERE $includeInferred OR none(r IN relationships(p) WHERE coalesce(r.basis, '') = 'inferred')
  RETURN 'supersedes' AS direction, p
  UNION ALL
  MATCH p = (start)<-[:SUPERSEDES*1..]-(other)
  WHERE $includeInferred OR none(r IN relationships(p) WHERE coalesce(r.basis, '') = 'inferred')
  RETURN 'superseded-by' AS direction, p
}
WITH direction, p, last(nodes(p)) AS other
RETURN direction,
       length(p) AS depth,
       other.key AS finding,
       coalesce(head([l IN labels(other) WHERE NOT l IN ['OversightNode', 'Finding']]), 'Finding') AS kind,
       [n IN nodes(p) | n.key] AS path,
       [r IN relationships(p) | r.basis] AS bases
ORDER BY direction, depth, finding, path
