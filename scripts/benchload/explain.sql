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
\set q `cat sql/loader/upsert_filings_by_accession.sql`
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) :q;
\echo == upsert_filings_by_sha
\set q `cat sql/loader/upsert_filings_by_sha.sql`
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) :q;
CREATE TEMP TABLE idmap ON COMMIT DROP AS
SELECT o.filing_id AS old_id, n.filing_id AS new_id
FROM edgar.filings o JOIN pick USING (filing_id)
JOIN edgar.filings n ON n.source_sha256 = encode(sha256(convert_to(o.source_sha256, 'UTF8')), 'hex');
INSERT INTO stage_filing_registrants SELECT (fr).* FROM (
    SELECT fr FROM edgar.filing_registrants fr JOIN idmap ON fr.filing_id = idmap.old_id) x;
UPDATE stage_filing_registrants s SET filing_id = idmap.new_id FROM idmap WHERE s.filing_id = idmap.old_id;
SELECT array_agg(cik)::text AS ciks, array_agg(edgar.normalize_irs_number(irs_number))::text AS irs,
       array_agg(edgar.normalize_file_number(file_number))::text AS files, array_agg(edgar.normalize_name(name))::text AS names,
       array_agg(DISTINCT registrant_id)::text AS regs
FROM stage_filing_registrants \gset
\echo == registrant_candidates
\set q `cat sql/loader/registrant_candidates.sql`
PREPARE candidates(bigint[], text[], text[], text[]) AS :q;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) EXECUTE candidates(:'ciks', :'irs', :'files', :'names');
\echo == insert_filing_registrants
\set q `cat sql/loader/insert_filing_registrants.sql`
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) :q;
\echo == insert_registrant_keys
SELECT array_agg(registrant_id)::text AS kids, array_agg(kind)::text AS kinds, array_agg(key)::text AS keys
FROM (SELECT DISTINCT s.registrant_id, k.kind, k.key FROM stage_filing_registrants s
      CROSS JOIN LATERAL (VALUES ('irs', edgar.normalize_irs_number(s.irs_number)), ('file', edgar.normalize_file_number(s.file_number)),
                                 ('name', edgar.normalize_name(s.name))) AS k(kind, key)
      WHERE k.key IS NOT NULL) x \gset
\set q `cat sql/loader/insert_registrant_keys.sql`
PREPARE keys(bigint[], text[], text[]) AS :q;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) EXECUTE keys(:'kids', :'kinds', :'keys');
-- Through JSON: the stored tables have generated search columns the staging tables lack.
INSERT INTO stage_items SELECT (jsonb_populate_record(NULL::stage_items, to_jsonb(i))).* FROM edgar.items i JOIN idmap ON i.filing_id = idmap.old_id;
UPDATE stage_items s SET filing_id = idmap.new_id FROM idmap WHERE s.filing_id = idmap.old_id;
INSERT INTO stage_exhibits SELECT (jsonb_populate_record(NULL::stage_exhibits, to_jsonb(e))).* FROM edgar.exhibits e JOIN idmap ON e.filing_id = idmap.old_id;
UPDATE stage_exhibits s SET filing_id = idmap.new_id FROM idmap WHERE s.filing_id = idmap.old_id;
\echo == insert_items
\set q `cat sql/loader/insert_items.sql`
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) :q;
\echo == insert_exhibits
\set q `cat sql/loader/insert_exhibits.sql`
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) :q;
\echo == recompute_registrants of the batch
\set q `cat sql/loader/recompute_registrants.sql`
SELECT array_agg(new_id)::text AS written FROM idmap \gset
PREPARE recompute(bigint[], bigint[], bigint[]) AS :q;
\echo (the replayed rows copy stored ones: a registrant is recomputed incrementally only where they come after its latest filing)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
EXECUTE recompute(:'regs', '{}', :'written');
\echo == delete_orphan_registrants
\set q `cat sql/loader/delete_orphan_registrants.sql`
PREPARE orphans(bigint[]) AS :q;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON)
EXECUTE orphans(:'regs');
ROLLBACK;
