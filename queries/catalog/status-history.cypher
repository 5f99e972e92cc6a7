// name: status-history
// description: Every status assessment of one finding, oldest first: date, status, RAG, anticipated completion, and the documents that state it.
// param finding: string
// columns: date, status, rag, anticipatedCompletion, assessment, documents
MATCH (f:Finding {key: $finding})-[:HAS_STATUS]->(s)
OPTIONAL MATCH (s)-[:EVIDENCED_BY]->(d)
WITH s, d ORDER BY d.key
WITH s, collect(DISTINCT d.key) AS documents
RETURN s.date AS date,
       s.status AS status,
       s.rag AS rag,
       s.anticipatedCompletion AS anticipatedCompletion,
       s.key AS assessment,
       documents
ORDER BY coalesce(date, ''), assessment
