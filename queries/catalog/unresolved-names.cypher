// name: unresolved-names
// description: Bodies, boards and posts the papers name that the gazetteer does not know (unresolved true), with every wording used and the documents that name them, for review.
// columns: key, kind, name, surfaceNames, documents
MATCH (n:OversightNode)
WHERE n.unresolved = true
OPTIONAL MATCH (n)-[:EVIDENCED_BY]->(d)
WITH n, d ORDER BY d.key
WITH n, collect(DISTINCT d.key) AS documents
RETURN n.key AS key,
       coalesce(
         head([l IN labels(n) WHERE NOT l IN ['OversightNode', 'Finding', 'Organisation']]),
         head([l IN labels(n) WHERE l <> 'OversightNode'])
       ) AS kind,
       n.name AS name,
       coalesce(n.surfaceNames, []) AS surfaceNames,
       documents
ORDER BY key
