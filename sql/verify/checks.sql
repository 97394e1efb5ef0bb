-- Consistency checks of the edgar schema against itself, one row per
-- check: its name, how many rows break it, and up to five examples.
-- `edgarload verify` runs it and exits non-zero when any count is above 0.
WITH
orphan_registrants AS (
    SELECT coalesce('CIK ' || r.cik, 'registrant ' || r.registrant_id) || coalesce(' ' || r.name, '') AS example
    FROM edgar.registrants r
    WHERE NOT EXISTS (SELECT 1 FROM edgar.filing_registrants fr WHERE fr.registrant_id = r.registrant_id)
),
-- EDGAR's PUBLIC DOCUMENT COUNT often exceeds the documents a submission
-- file carries (it counts some that are not disseminated), so fewer stored
-- documents is normal; none at all, or more than counted, is not.
document_count AS (
    SELECT coalesce(f.accession_number, f.source_path) || ': header says ' || f.document_count || ', '
           || n.stored || ' stored' AS example
    FROM edgar.filings f
    CROSS JOIN LATERAL (SELECT count(*) AS stored FROM edgar.documents d WHERE d.filing_id = f.filing_id) n
    WHERE f.shape IN ('submission', 'feed') AND f.document_count IS NOT NULL
      AND ((n.stored = 0 AND f.document_count > 0) OR n.stored > f.document_count)
),
missing_items AS (
    SELECT coalesce(f.accession_number, f.source_path) || ' (' || f.form_type || '): header lists '
           || array_length(f.item_information, 1) || ' items, none stored' AS example
    FROM edgar.filings f
    WHERE cardinality(f.item_information) > 0
      AND f.form_type ~ '^8-K'
      AND NOT EXISTS (SELECT 1 FROM edgar.items i WHERE i.filing_id = f.filing_id)
),
-- A live loader beats its heartbeat every 10 s; a run marked running
-- without a beat for 2 minutes is stuck (the next load marks it abandoned).
stuck_runs AS (
    SELECT 'run ' || run_id || ' started ' || started_at || ', last heartbeat '
           || coalesce(heartbeat_at::text, 'never') AS example
    FROM edgar.load_runs
    WHERE status = 'running'
      AND coalesce(heartbeat_at, started_at) < now() - interval '2 minutes'
),
filings_without_parties AS (
    SELECT coalesce(f.accession_number, f.source_path) || ' (' || f.shape || ')' AS example
    FROM edgar.filings f
    WHERE f.shape IN ('submission', 'feed', 'header')
      AND NOT EXISTS (SELECT 1 FROM edgar.filing_registrants fr WHERE fr.filing_id = f.filing_id)
)
SELECT 'registrants without any filing', (SELECT count(*) FROM orphan_registrants)::int,
       ARRAY(SELECT example FROM orphan_registrants ORDER BY example LIMIT 5)
UNION ALL
SELECT 'submissions with no stored document, or more than their header counts', (SELECT count(*) FROM document_count)::int,
       ARRAY(SELECT example FROM document_count ORDER BY example LIMIT 5)
UNION ALL
SELECT '8-K filings whose header lists items but that have none', (SELECT count(*) FROM missing_items)::int,
       ARRAY(SELECT example FROM missing_items ORDER BY example LIMIT 5)
UNION ALL
SELECT 'load runs marked running without a heartbeat for 2 minutes', (SELECT count(*) FROM stuck_runs)::int,
       ARRAY(SELECT example FROM stuck_runs ORDER BY example LIMIT 5)
UNION ALL
SELECT 'filings with a header but no registrant', (SELECT count(*) FROM filings_without_parties)::int,
       ARRAY(SELECT example FROM filings_without_parties ORDER BY example LIMIT 5)
