-- EXPLAIN ANALYZE of one batch's statements against a loaded database
-- (issue 11): 200 stored filings are staged again as new filings (other
-- accession numbers and SHA-256s) and merged the way the loader merges a
-- batch, all in one transaction that is rolled back.
--   psql -X -v ON_ERROR_STOP=1 -d edgarload_bench_load -f scripts/benchload/explain.sql
-- (make bench-load with -keep leaves the database).
\set QUIET on
\pset pager off
BEGIN;
SELECT edgar.lock_batch();
\i sql/loader/create_staging.sql
CREATE TEMP TABLE pick ON COMMIT DROP AS
SELECT filing_id FROM edgar.filings ORDER BY filing_id DESC LIMIT 200;
INSERT INTO stage_filings (accession_number, source_sha256, form_type, period_of_report, filed_at, accepted_local,
    date_of_change, effectiveness_date, document_count, item_information, shape, source_path, source_bytes,
    parser_version, emerging_growth_company, amendment_flag)
SELECT '97' || substr(accession_number, 3), encode(sha256(convert_to(source_sha256, 'UTF8')), 'hex'), form_type,
       period_of_report, filed_at, accepted_at AT TIME ZONE 'America/New_York', date_of_change, effectiveness_date,
       document_count, item_information, shape, source_path, source_bytes, parser_version, emerging_growth_company, amendment_flag
FROM edgar.filings JOIN pick USING (filing_id);
\echo == existing_filings (the up-front probe)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT filing_id, accession_number, source_sha256, parser_version, shape, form_type, source_path
FROM edgar.filings
WHERE accession_number = ANY(ARRAY(SELECT accession_number FROM stage_filings WHERE accession_number IS NOT NULL))
   OR source_sha256 = ANY(ARRAY(SELECT source_sha256 FROM stage_filings))
ORDER BY filing_id;
\echo == upsert_filings_by_accession
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
\i sql/loader/upsert_filings_by_accession.sql
;
\echo == upsert_filings_by_sha
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
\i sql/loader/upsert_filings_by_sha.sql
;
CREATE TEMP TABLE idmap ON COMMIT DROP AS
SELECT o.filing_id AS old_id, n.filing_id AS new_id
FROM edgar.filings o JOIN pick USING (filing_id)
JOIN edgar.filings n ON n.source_sha256 = encode(sha256(convert_to(o.source_sha256, 'UTF8')), 'hex');
INSERT INTO stage_filing_registrants SELECT (fr).* FROM (
    SELECT fr FROM edgar.filing_registrants fr JOIN idmap ON fr.filing_id = idmap.old_id) x;
UPDATE stage_filing_registrants s SET filing_id = idmap.new_id FROM idmap WHERE s.filing_id = idmap.old_id;
\echo == registrant_candidates
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
WITH party AS (
    SELECT cik, edgar.normalize_irs_number(irs_number) AS irs, edgar.normalize_file_number(file_number) AS file,
           edgar.normalize_name(name) AS name
    FROM stage_filing_registrants
), open AS (
    SELECT p.irs, p.file, p.name FROM party p
    WHERE p.cik IS NULL OR NOT EXISTS (SELECT FROM edgar.registrants r WHERE r.cik = p.cik)
), ids AS (
    SELECT registrant_id FROM edgar.registrants WHERE cik = ANY(ARRAY(SELECT cik FROM party))
    UNION SELECT registrant_id FROM edgar.registrants WHERE name_normalized IN (SELECT name FROM open)
    UNION SELECT registrant_id FROM edgar.registrant_keys WHERE kind = 'irs' AND key IN (SELECT irs FROM open)
    UNION SELECT registrant_id FROM edgar.registrant_keys WHERE kind = 'file' AND key IN (SELECT file FROM open)
    UNION SELECT registrant_id FROM edgar.registrant_keys WHERE kind = 'name' AND key IN (SELECT name FROM open)
)
SELECT r.registrant_id, r.cik, NULL::text, NULL::text, r.name_normalized FROM edgar.registrants r JOIN ids USING (registrant_id)
UNION ALL
SELECT k.registrant_id, r.cik, CASE WHEN k.kind = 'irs' THEN k.key END, CASE WHEN k.kind = 'file' THEN k.key END,
       CASE WHEN k.kind = 'name' THEN k.key END
FROM edgar.registrant_keys k JOIN ids USING (registrant_id) JOIN edgar.registrants r USING (registrant_id)
ORDER BY 1, 3, 4, 5;
\echo == insert_filing_registrants
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
\i sql/loader/insert_filing_registrants.sql
;
\echo == insert_registrant_keys
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
\i sql/loader/insert_registrant_keys.sql
;
INSERT INTO stage_items SELECT (i).* FROM (SELECT i FROM edgar.items i JOIN idmap ON i.filing_id = idmap.old_id) x;
UPDATE stage_items s SET filing_id = idmap.new_id FROM idmap WHERE s.filing_id = idmap.old_id;
INSERT INTO stage_exhibits SELECT (e).* FROM (SELECT e FROM edgar.exhibits e JOIN idmap ON e.filing_id = idmap.old_id) x;
UPDATE stage_exhibits s SET filing_id = idmap.new_id FROM idmap WHERE s.filing_id = idmap.old_id;
\echo == insert_items
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
\i sql/loader/insert_items.sql
;
\echo == insert_exhibits
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
\i sql/loader/insert_exhibits.sql
;
\echo == recompute_registrants (the batch's registrants)
PREPARE recompute(bigint[]) AS
\i sql/loader/recompute_registrants.sql
;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
EXECUTE recompute(ARRAY(SELECT DISTINCT registrant_id FROM stage_filing_registrants));
\echo == delete_orphan_registrants
PREPARE orphans(bigint[]) AS
\i sql/loader/delete_orphan_registrants.sql
;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
EXECUTE orphans(ARRAY(SELECT DISTINCT registrant_id FROM stage_filing_registrants));
ROLLBACK;
