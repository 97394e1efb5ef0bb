-- Officer and director departures and appointments (8-K item 5.02; item 6
-- "Resignations of Registrant's Directors" before 2004) by company and
-- year, with the first words of the item.
-- data: corpus (returns rows on testdata/filings and ../shared/corpus; not on the synthetic filings of TestExampleQueries)
SELECT e.cik10,
       e.company,
       extract(year FROM coalesce(e.event_date, e.filed_at))::integer AS year,
       count(*)::integer AS items_5_02,
       min(e.filed_at) AS first_filed,
       max(e.filed_at) AS last_filed,
       (array_agg(left(regexp_replace(i.text, '\s+', ' ', 'g'), 160) ORDER BY e.filed_at DESC))[1] AS latest_text_start
FROM edgar.item_events e
JOIN edgar.items i ON i.filing_id = e.filing_id AND i.ordinal = e.item_ordinal
WHERE e.code = '5.02'
GROUP BY e.cik10, e.company, year
ORDER BY e.company, year;
