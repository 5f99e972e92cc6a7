// name: audits
// description: Internal audits by sponsor and assurance level, with plan year, stage and how many recommendations each raised; an audit with no sponsor has sponsor null.
// param sponsor: string = null
// param assurance: string = null
// columns: sponsor, sponsorName, audit, title, planYear, stage, assurance, sponsorMissing, recommendations
MATCH (a:Audit)
WHERE $assurance IS NULL OR a.assurance = $assurance
OPTIONAL MATCH (a)-[:SPONSORED_BY]->(p)
WITH a, p
WHERE $sponsor IS NULL OR p.key = $sponsor
RETURN p.key AS sponsor,
       p.name AS sponsorName,
       a.key AS audit,
       a.title AS title,
       a.planYear AS planYear,
       a.stage AS stage,
       a.assurance AS assurance,
       coalesce(a.sponsorMissing, false) AS sponsorMissing,
       size([(a)<-[:RAISED_IN]-(r) | r]) AS recommendations
ORDER BY sponsor, assurance, audit
