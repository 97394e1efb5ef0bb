-- A company by ticker: its current facts from the submissions JSON (SIC
-- description, exchange, category) beside the as-filed ones, and how many
-- filings the indexes list for it. Edit the ticker to taste.
SELECT p.cik,
       p.name,
       p.name_as_filed,
       p.sic,
       p.sic_description,
       p.tickers,
       p.exchanges,
       p.category,
       p.state_of_incorporation,
       (SELECT count(*) FROM edgar.index_entries e WHERE e.cik = p.cik) AS index_entries
FROM edgar.company_profile p
WHERE p.cik IN (SELECT t.cik FROM edgar.registrant_tickers t WHERE upper(t.ticker) = upper('AAPL'));
