-- The 8-K event feed: the newest events first, one row per item, with the
-- company's 10-digit CIK (to join other datasets) and the EDGAR link.
-- Add e.g. WHERE e.code IN ('1.01', '2.01', '5.02') to follow some events.
SELECT e.filed_at,
       e.event_date,
       e.cik10,
       e.company,
       e.code,
       e.title,
       e.form_type,
       e.edgar_url
FROM edgar.item_events e
ORDER BY e.filed_at DESC NULLS LAST, e.company, e.item_ordinal
LIMIT 200;
