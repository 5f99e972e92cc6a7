// name: evidenced-by-document
// description: Everything one document states: the nodes it evidences (EVIDENCED_BY, with the cited lines) and the relationships whose evidenceDocuments name it (with their lines).
// param document: string
// columns: kind, source, type, target, lines
MATCH (d:Document {key: $document})
CALL (d) {
  MATCH (n)-[e:EVIDENCED_BY]->(d)
  WITH n, e ORDER BY e.line
  RETURN 'node' AS kind, n.key AS source, null AS type, null AS target, collect(e.line) AS lines
  UNION ALL
  MATCH (s)-[r]->(t)
  WHERE d.key IN r.evidenceDocuments
  RETURN 'relationship' AS kind,
         s.key AS source,
         type(r) AS type,
         t.key AS target,
         [i IN range(0, size(r.evidenceDocuments) - 1) WHERE r.evidenceDocuments[i] = d.key | r.evidenceLines[i]] AS lines
}
RETURN kind, source, type, target, lines
ORDER BY kind, source, type, target
