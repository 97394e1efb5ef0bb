-- Delete filings superseded under another key ($1 filing ids; children
-- cascade). Used only when a new parser version keys the same bytes
-- differently.
DELETE FROM edgar.filings WHERE filing_id = ANY($1::bigint[])
