-- Recompute the attributes of registrants $1 from ALL their filing_registrants
-- rows: each attribute is the non-empty value of the latest filing (by filing
-- date, else period of report; ties broken by the filing key, then role and
-- ordinal), so the result never depends on load order. An address is one
-- attribute: the whole block of the latest filing that gives one, never a mix
-- of two filings' lines. Only rows that change are written.
WITH src AS (
    SELECT fr.*,
           coalesce(f.filed_at, f.period_of_report) AS as_of,
           coalesce(f.accession_number, f.source_sha256) AS filing_key
    FROM edgar.filing_registrants fr
    JOIN edgar.filings f USING (filing_id)
    WHERE fr.registrant_id = ANY($1::bigint[])
), scalars AS (
    SELECT registrant_id,
           (array_agg(name ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE name IS NOT NULL))[1] AS name,
           (array_agg(sic ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE sic IS NOT NULL))[1] AS sic,
           (array_agg(irs_number ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE irs_number IS NOT NULL))[1] AS irs_number,
           (array_agg(state_of_incorporation ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE state_of_incorporation IS NOT NULL))[1] AS state_of_incorporation,
           (array_agg(fiscal_year_end ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE fiscal_year_end IS NOT NULL))[1] AS fiscal_year_end,
           max(as_of) AS attributes_as_of
    FROM src
    GROUP BY registrant_id
), business AS (
    SELECT DISTINCT ON (registrant_id) registrant_id, business_street1, business_street2, business_city, business_state, business_zip, business_phone
    FROM src
    WHERE business_street1 IS NOT NULL OR business_street2 IS NOT NULL OR business_city IS NOT NULL OR business_state IS NOT NULL OR business_zip IS NOT NULL OR business_phone IS NOT NULL
    ORDER BY registrant_id, as_of DESC NULLS LAST, filing_key DESC, role, ordinal
), mail AS (
    SELECT DISTINCT ON (registrant_id) registrant_id, mail_street1, mail_street2, mail_city, mail_state, mail_zip, mail_phone
    FROM src
    WHERE mail_street1 IS NOT NULL OR mail_street2 IS NOT NULL OR mail_city IS NOT NULL OR mail_state IS NOT NULL OR mail_zip IS NOT NULL OR mail_phone IS NOT NULL
    ORDER BY registrant_id, as_of DESC NULLS LAST, filing_key DESC, role, ordinal
), v AS (
    SELECT s.*, b.business_street1, b.business_street2, b.business_city, b.business_state, b.business_zip, b.business_phone,
           m.mail_street1, m.mail_street2, m.mail_city, m.mail_state, m.mail_zip, m.mail_phone
    FROM scalars s
    LEFT JOIN business b USING (registrant_id)
    LEFT JOIN mail m USING (registrant_id)
)
UPDATE edgar.registrants r SET
    name = v.name,
    sic = v.sic,
    irs_number = v.irs_number,
    state_of_incorporation = v.state_of_incorporation,
    fiscal_year_end = v.fiscal_year_end,
    business_street1 = v.business_street1,
    business_street2 = v.business_street2,
    business_city = v.business_city,
    business_state = v.business_state,
    business_zip = v.business_zip,
    business_phone = v.business_phone,
    mail_street1 = v.mail_street1,
    mail_street2 = v.mail_street2,
    mail_city = v.mail_city,
    mail_state = v.mail_state,
    mail_zip = v.mail_zip,
    mail_phone = v.mail_phone,
    attributes_as_of = v.attributes_as_of
FROM v
WHERE r.registrant_id = v.registrant_id
  AND (r.name, r.sic, r.irs_number, r.state_of_incorporation, r.fiscal_year_end, r.business_street1, r.business_street2, r.business_city, r.business_state, r.business_zip, r.business_phone, r.mail_street1, r.mail_street2, r.mail_city, r.mail_state, r.mail_zip, r.mail_phone, r.attributes_as_of)
      IS DISTINCT FROM (v.name, v.sic, v.irs_number, v.state_of_incorporation, v.fiscal_year_end, v.business_street1, v.business_street2, v.business_city, v.business_state, v.business_zip, v.business_phone, v.mail_street1, v.mail_street2, v.mail_city, v.mail_state, v.mail_zip, v.mail_phone, v.attributes_as_of)
RETURNING r.registrant_id
