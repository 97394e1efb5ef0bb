-- Auditors over time, with the firm named in the text: 8-K item 4.01
-- (Changes in Registrant's Certifying Accountant: the firm engaged) and
-- item 5.07 shareholder votes ratifying the auditor. previous_firm is the
-- firm named in the company's prior such item; changed marks a new
-- auditor (always true for a 4.01 naming a firm).
-- data: corpus (returns rows on testdata/filings and ../shared/corpus; not on the synthetic filings of TestExampleQueries)
WITH named AS (
    SELECT e.cik, e.company, e.filed_at, e.code, e.accession_number, e.edgar_url,
           (regexp_match(i.text,
               '(?:engaged|appointed|approved the engagement of|selected|retained|ratif(?:y|ied|ication of) the (?:appointment|selection|engagement) of)\s+'
               || '([A-Z][A-Za-z&,.'' -]{2,60}?(?:LLP|L\.L\.P\.|LLC|P\.C\.|PC|Ltd\.?))'))[1] AS firm
    FROM edgar.item_events e
    JOIN edgar.items i ON i.filing_id = e.filing_id AND i.ordinal = e.item_ordinal
    WHERE e.code IN ('4.01', '5.07')
)
SELECT n.cik,
       n.company,
       n.filed_at,
       n.code,
       n.firm,
       lag(n.firm) OVER (PARTITION BY n.cik ORDER BY n.filed_at) AS previous_firm,
       n.code = '4.01' OR n.firm IS DISTINCT FROM lag(n.firm) OVER (PARTITION BY n.cik ORDER BY n.filed_at) AS changed,
       n.edgar_url
FROM named n
WHERE n.firm IS NOT NULL
ORDER BY n.company, n.filed_at;
