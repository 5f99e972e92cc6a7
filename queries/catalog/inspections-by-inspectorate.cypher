// name: inspections-by-inspectorate
// description: Inspections by the inspectorate that conducted them, with how many recommendations each issued and how many of those are for chief constables, beside the counts the report states.
// param inspectorate: string = null
// columns: inspectorate, inspectorateName, inspection, title, published, recommendations, forChiefConstables, statedRecommendations, statedForChiefConstables
MATCH (i:Inspection)-[:CONDUCTED_BY]->(o:Inspectorate)
WHERE $inspectorate IS NULL OR o.key = $inspectorate
OPTIONAL MATCH (i)-[:ISSUED]->(r:Recommendation)
WITH o, i,
     count(r) AS recommendations,
     count(CASE WHEN r.forChiefConstables = true THEN r END) AS forChiefConstables
RETURN o.key AS inspectorate,
       o.name AS inspectorateName,
       i.key AS inspection,
       i.title AS title,
       i.published AS published,
       recommendations,
       forChiefConstables,
       i.recommendationCount AS statedRecommendations,
       i.chiefConstableRecommendationCount AS statedForChiefConstables
ORDER BY inspectorate, published, inspection
