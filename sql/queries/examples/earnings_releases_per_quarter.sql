-- Earnings releases per calendar quarter: 8-Ks reporting item 2.02
-- (Results of Operations and Financial Condition; item 12 before August
-- 2004), how many companies filed one, and how many attached the press
-- release as exhibit 99.1.
SELECT date_trunc('quarter', e.filed_at)::date AS quarter,
       count(DISTINCT e.filing_id)::integer AS earnings_8ks,
       count(DISTINCT e.registrant_id)::integer AS companies,
       count(DISTINCT x.filing_id)::integer AS with_press_release
FROM edgar.item_events e
LEFT JOIN edgar.exhibits x ON x.filing_id = e.filing_id AND x.number = '99.1'
WHERE e.code = '2.02'
  AND e.filed_at IS NOT NULL
GROUP BY quarter
ORDER BY quarter;
