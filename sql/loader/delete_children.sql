-- Remove the child rows of filings about to be replaced ($1 filing ids) and
-- return the registrants they referenced (registrant_id set, table NULL),
-- whose attributes are recomputed, and how many rows each table lost
-- (table and n set).
WITH items AS (DELETE FROM edgar.items WHERE filing_id = ANY($1::bigint[]) RETURNING 1),
     exhibits AS (DELETE FROM edgar.exhibits WHERE filing_id = ANY($1::bigint[]) RETURNING 1),
     signers AS (DELETE FROM edgar.signers WHERE filing_id = ANY($1::bigint[]) RETURNING 1),
     documents AS (DELETE FROM edgar.documents WHERE filing_id = ANY($1::bigint[]) RETURNING 1),
     securities AS (DELETE FROM edgar.securities WHERE filing_id = ANY($1::bigint[]) RETURNING 1),
     parties AS (DELETE FROM edgar.filing_registrants WHERE filing_id = ANY($1::bigint[]) RETURNING registrant_id)
SELECT NULL::text AS table_name, NULL::bigint AS n, registrant_id FROM (SELECT DISTINCT registrant_id FROM parties) p
UNION ALL SELECT 'items', count(*), NULL FROM items
UNION ALL SELECT 'exhibits', count(*), NULL FROM exhibits
UNION ALL SELECT 'signers', count(*), NULL FROM signers
UNION ALL SELECT 'documents', count(*), NULL FROM documents
UNION ALL SELECT 'securities', count(*), NULL FROM securities
UNION ALL SELECT 'filing_registrants', count(*), NULL FROM parties
