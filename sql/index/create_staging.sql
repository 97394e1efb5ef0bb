-- Per-transaction staging table for index entries: the COPY target merged
-- into edgar.index_entries by merge_index_entries.sql. LIKE ... INCLUDING
-- DEFAULTS (not ALL: no primary key, so a COPY never conflicts).
CREATE TEMP TABLE stage_index_entries (LIKE edgar.index_entries INCLUDING DEFAULTS) ON COMMIT DROP
