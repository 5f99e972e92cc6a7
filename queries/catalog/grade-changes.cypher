// name: grade-changes
// description: How each force's grade in each assessment area moved from one PEEL inspection to the next (inspections ordered by publication date): improved, declined, unchanged, or not comparable when a grade is missing or ungraded.
// param force: string = null
// columns: force, area, areaName, step, fromInspection, fromPublished, fromGrade, fromScale, toInspection, toPublished, toGrade, toScale, change
MATCH (i:Inspection {kind: 'peel'})-[:INSPECTED]->(force:Force)
WHERE $force IS NULL OR force.key = $force
MATCH (i)-[:HAS_JUDGEMENT]->(j:Judgement)-[:IN_AREA]->(a:AssessmentArea)
WITH force, a, i, j ORDER BY coalesce(i.published, ''), i.key, j.key
WITH force, a, collect({inspection: i.key, published: i.published, grade: j.grade, scale: j.gradeScale}) AS rounds
UNWIND range(0, size(rounds) - 2) AS n
WITH force, a, n, rounds[n] AS before, rounds[n + 1] AS after
WITH force, a, n, before, after,
     CASE before.grade
       WHEN 'outstanding' THEN 5 WHEN 'good' THEN 4 WHEN 'adequate' THEN 3
       WHEN 'requires-improvement' THEN 2 WHEN 'inadequate' THEN 1 WHEN 'ungraded' THEN 0
     END AS fromRank,
     CASE after.grade
       WHEN 'outstanding' THEN 5 WHEN 'good' THEN 4 WHEN 'adequate' THEN 3
       WHEN 'requires-improvement' THEN 2 WHEN 'inadequate' THEN 1 WHEN 'ungraded' THEN 0
     END AS toRank
RETURN force.key AS force,
       a.key AS area,
       a.name AS areaName,
       n + 1 AS step,
       before.inspection AS fromInspection,
       before.published AS fromPublished,
       before.grade AS fromGrade,
       before.scale AS fromScale,
       after.inspection AS toInspection,
       after.published AS toPublished,
       after.grade AS toGrade,
       after.scale AS toScale,
       CASE
         WHEN fromRank IS NULL OR toRank IS NULL OR fromRank = 0 OR toRank = 0 THEN 'not comparable'
         WHEN toRank > fromRank THEN 'improved'
         WHEN toRank < fromRank THEN 'declined'
         ELSE 'unchanged'
       END AS change
ORDER BY force, area, step
