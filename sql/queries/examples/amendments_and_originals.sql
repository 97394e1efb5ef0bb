-- Amendments with the filing they amend, when it is loaded (matched by the
-- accession number the amendment cites, else by form and period), and how
-- long after the original each came.
-- data: corpus (returns rows on testdata/filings and ../shared/corpus; not on the synthetic filings of TestExampleQueries)
SELECT a.filed_at,
       a.company,
       a.form_type,
       a.accession_number,
       a.amended_accession_number,
       a.amended_filed_at,
       a.filed_at - a.amended_filed_at AS days_after_original,
       a.matched_by,
       a.edgar_url
FROM edgar.amendments a
ORDER BY a.filed_at DESC NULLS LAST, a.company;
