-- Who signed a company's filings, with their titles and how often.
-- Replace the name pattern (or filter on r.cik) to pick the company.
SELECT r.cik,
       r.name AS registrant,
       s.name AS signer,
       s.title,
       count(*) AS filings_signed,
       min(f.filed_at) AS first_signed,
       max(f.filed_at) AS last_signed
FROM edgar.registrants r
JOIN edgar.filing_registrants fr ON fr.registrant_id = r.registrant_id AND fr.role = 'filer'
JOIN edgar.filings f ON f.filing_id = fr.filing_id
JOIN edgar.signers s ON s.filing_id = f.filing_id
WHERE r.name ILIKE '%'
GROUP BY r.cik, r.name, s.name, s.title
ORDER BY r.name, filings_signed DESC, s.name;
