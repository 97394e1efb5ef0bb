-- Filings per SIC code (industry) and form type, by the main registrant's
-- SIC as filed, else from the submissions JSON; the SEC's description of
-- the code where edgar.sic_codes has it (loaded with `edgarload index load`
-- of submissions JSON).
SELECT coalesce(r.sic, s.sic) AS sic,
       c.description AS industry,
       f.form_type,
       count(*)::integer AS filings,
       count(DISTINCT p.registrant_id)::integer AS companies
FROM edgar.filings f
JOIN edgar.filing_primary_registrant p USING (filing_id)
JOIN edgar.registrants r ON r.registrant_id = p.registrant_id
LEFT JOIN edgar.submission_companies s ON s.cik = r.cik
LEFT JOIN edgar.sic_codes c ON c.sic = coalesce(r.sic, s.sic)
WHERE coalesce(r.sic, s.sic) IS NOT NULL
GROUP BY 1, 2, 3
ORDER BY filings DESC, sic, f.form_type;
