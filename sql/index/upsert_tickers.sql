-- Upsert the tickers of one source list ($1 source, $2 source file, then
-- parallel arrays $3 CIKs, $4 ordinals, $5 tickers, $6 exchanges, $7
-- company names). unnest rather than COPY: the lists are small (one
-- company's tickers, or about 10,000 rows for company_tickers.json).
INSERT INTO edgar.registrant_tickers AS t (cik, source, ordinal, ticker, exchange, company_name, source_file)
SELECT n.cik, $1, n.ordinal, n.ticker, n.exchange, n.company_name, $2
FROM unnest($3::bigint[], $4::int[], $5::text[], $6::text[], $7::text[]) AS n(cik, ordinal, ticker, exchange, company_name)
ORDER BY n.cik, n.ordinal
ON CONFLICT (cik, source, ordinal) DO UPDATE SET
    ticker = excluded.ticker, exchange = excluded.exchange, company_name = excluded.company_name,
    source_file = excluded.source_file, loaded_at = now()
WHERE (t.ticker, t.exchange, t.company_name) IS DISTINCT FROM (excluded.ticker, excluded.exchange, excluded.company_name)
