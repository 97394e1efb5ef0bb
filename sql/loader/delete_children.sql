-- Remove the child rows of filings about to be replaced ($1 filing ids) and
-- return the registrants they referenced, whose attributes are recomputed.
WITH items AS (DELETE FROM edgar.items WHERE filing_id = ANY($1::bigint[])),
     exhibits AS (DELETE FROM edgar.exhibits WHERE filing_id = ANY($1::bigint[])),
     signers AS (DELETE FROM edgar.signers WHERE filing_id = ANY($1::bigint[])),
     documents AS (DELETE FROM edgar.documents WHERE filing_id = ANY($1::bigint[])),
     securities AS (DELETE FROM edgar.securities WHERE filing_id = ANY($1::bigint[])),
     parties AS (DELETE FROM edgar.filing_registrants WHERE filing_id = ANY($1::bigint[]) RETURNING registrant_id)
SELECT DISTINCT registrant_id FROM parties ORDER BY registrant_id
