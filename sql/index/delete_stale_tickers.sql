-- Remove tickers of source $1 that the list just loaded no longer has
-- ($2 CIKs and $3 ordinals it has): for the CIKs it covers, or for every
-- CIK when $4 says the list is complete (company_tickers*.json).
DELETE FROM edgar.registrant_tickers t
WHERE t.source = $1
  AND ($4::boolean OR t.cik = ANY($2::bigint[]))
  AND NOT EXISTS (
      SELECT 1 FROM unnest($2::bigint[], $3::int[]) AS n(cik, ordinal)
      WHERE n.cik = t.cik AND n.ordinal = t.ordinal)
