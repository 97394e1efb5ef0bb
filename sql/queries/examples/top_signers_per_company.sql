-- Who signs most for each company: signers of the filings where the
-- company is the main registrant, ranked within the company, with their
-- latest title.
WITH signed AS (
    SELECT p.registrant_id, s.name AS signer,
           count(DISTINCT s.filing_id)::integer AS filings_signed,
           (array_agg(s.title ORDER BY f.filed_at DESC NULLS LAST) FILTER (WHERE s.title IS NOT NULL))[1] AS latest_title,
           min(f.filed_at) AS first_signed,
           max(f.filed_at) AS last_signed
    FROM edgar.signers s
    JOIN edgar.filings f USING (filing_id)
    JOIN edgar.filing_primary_registrant p USING (filing_id)
    GROUP BY p.registrant_id, s.name
)
SELECT edgar.cik10(r.cik) AS cik10,
       r.name AS company,
       rank() OVER (PARTITION BY s.registrant_id ORDER BY s.filings_signed DESC)::integer AS rank,
       s.signer,
       s.latest_title,
       s.filings_signed,
       s.first_signed,
       s.last_signed
FROM signed s
JOIN edgar.registrants r USING (registrant_id)
ORDER BY r.name, rank, s.signer;
