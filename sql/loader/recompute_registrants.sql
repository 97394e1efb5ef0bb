-- Recompute the attributes of registrants $1: each attribute is the
-- non-empty value of the latest filing (by filing date, else period of
-- report; ties broken by the filing key, then role and ordinal), so the
-- result never depends on load order. An address is one attribute: the
-- whole block of the latest filing that gives one, never a mix of two
-- filings' lines. $2 are the registrants that lost rows in this batch, $3
-- the filings the batch wrote. A registrant whose rows from $3 all come
-- before its stored latest filing in that order (attributes_as_of,
-- attributes_filing_key), that lost no rows and was computed before, is
-- recomputed from its rows in $3 alone (each attribute: theirs, else the
-- stored one) -- the same result as reading its whole history, which the
-- others get. Only rows that change are written.
WITH batch AS (
    SELECT fr.*,
           coalesce(f.filed_at, f.period_of_report) AS as_of,
           coalesce(f.accession_number, f.source_sha256) AS filing_key
    FROM edgar.filing_registrants fr
    JOIN edgar.filings f USING (filing_id)
    WHERE fr.filing_id = ANY($3::bigint[]) AND fr.registrant_id = ANY($1::bigint[])
), incremental AS (
    SELECT r.registrant_id
    FROM edgar.registrants r
    WHERE r.registrant_id = ANY($1::bigint[])
      AND r.registrant_id <> ALL($2::bigint[])
      AND r.attributes_filing_key IS NOT NULL
      AND NOT EXISTS (
          SELECT FROM batch b
          WHERE b.registrant_id = r.registrant_id
            AND NOT ((b.as_of IS NOT NULL AND (r.attributes_as_of IS NULL OR b.as_of > r.attributes_as_of))
                     OR (b.as_of IS NOT DISTINCT FROM r.attributes_as_of AND b.filing_key > r.attributes_filing_key)))
), src AS (
    SELECT b.* FROM batch b
    WHERE b.registrant_id IN (SELECT registrant_id FROM incremental)
    UNION ALL
    SELECT fr.*,
           coalesce(f.filed_at, f.period_of_report),
           coalesce(f.accession_number, f.source_sha256)
    FROM edgar.filing_registrants fr
    JOIN edgar.filings f USING (filing_id)
    WHERE fr.registrant_id = ANY($1::bigint[])
      AND fr.registrant_id NOT IN (SELECT registrant_id FROM incremental)
), scalars AS (
    SELECT registrant_id,
           (array_agg(name ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE name IS NOT NULL))[1] AS name,
           (array_agg(sic ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE sic IS NOT NULL))[1] AS sic,
           (array_agg(irs_number ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE irs_number IS NOT NULL))[1] AS irs_number,
           (array_agg(state_of_incorporation ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE state_of_incorporation IS NOT NULL))[1] AS state_of_incorporation,
           (array_agg(fiscal_year_end ORDER BY as_of DESC NULLS LAST, filing_key DESC, role, ordinal) FILTER (WHERE fiscal_year_end IS NOT NULL))[1] AS fiscal_year_end,
           max(as_of) AS attributes_as_of,
           (array_agg(filing_key ORDER BY as_of DESC NULLS LAST, filing_key DESC))[1] AS attributes_filing_key
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
), computed AS (
    SELECT s.*, s.registrant_id IN (SELECT registrant_id FROM incremental) AS inc,
           b.registrant_id IS NOT NULL AS has_business, m.registrant_id IS NOT NULL AS has_mail,
           b.business_street1, b.business_street2, b.business_city, b.business_state, b.business_zip, b.business_phone,
           m.mail_street1, m.mail_street2, m.mail_city, m.mail_state, m.mail_zip, m.mail_phone
    FROM scalars s
    LEFT JOIN business b USING (registrant_id)
    LEFT JOIN mail m USING (registrant_id)
), v AS (
    -- An incremental registrant keeps each stored attribute its new rows do not give.
    SELECT c.registrant_id,
           CASE WHEN c.inc THEN coalesce(c.name, r.name) ELSE c.name END AS name,
           CASE WHEN c.inc THEN coalesce(c.sic, r.sic) ELSE c.sic END AS sic,
           CASE WHEN c.inc THEN coalesce(c.irs_number, r.irs_number) ELSE c.irs_number END AS irs_number,
           CASE WHEN c.inc THEN coalesce(c.state_of_incorporation, r.state_of_incorporation) ELSE c.state_of_incorporation END AS state_of_incorporation,
           CASE WHEN c.inc THEN coalesce(c.fiscal_year_end, r.fiscal_year_end) ELSE c.fiscal_year_end END AS fiscal_year_end,
           CASE WHEN c.inc AND NOT c.has_business THEN r.business_street1 ELSE c.business_street1 END AS business_street1,
           CASE WHEN c.inc AND NOT c.has_business THEN r.business_street2 ELSE c.business_street2 END AS business_street2,
           CASE WHEN c.inc AND NOT c.has_business THEN r.business_city ELSE c.business_city END AS business_city,
           CASE WHEN c.inc AND NOT c.has_business THEN r.business_state ELSE c.business_state END AS business_state,
           CASE WHEN c.inc AND NOT c.has_business THEN r.business_zip ELSE c.business_zip END AS business_zip,
           CASE WHEN c.inc AND NOT c.has_business THEN r.business_phone ELSE c.business_phone END AS business_phone,
           CASE WHEN c.inc AND NOT c.has_mail THEN r.mail_street1 ELSE c.mail_street1 END AS mail_street1,
           CASE WHEN c.inc AND NOT c.has_mail THEN r.mail_street2 ELSE c.mail_street2 END AS mail_street2,
           CASE WHEN c.inc AND NOT c.has_mail THEN r.mail_city ELSE c.mail_city END AS mail_city,
           CASE WHEN c.inc AND NOT c.has_mail THEN r.mail_state ELSE c.mail_state END AS mail_state,
           CASE WHEN c.inc AND NOT c.has_mail THEN r.mail_zip ELSE c.mail_zip END AS mail_zip,
           CASE WHEN c.inc AND NOT c.has_mail THEN r.mail_phone ELSE c.mail_phone END AS mail_phone,
           c.attributes_as_of,
           c.attributes_filing_key
    FROM computed c
    JOIN edgar.registrants r USING (registrant_id)
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
    attributes_as_of = v.attributes_as_of,
    attributes_filing_key = v.attributes_filing_key
FROM v
WHERE r.registrant_id = v.registrant_id
  AND (r.name, r.sic, r.irs_number, r.state_of_incorporation, r.fiscal_year_end, r.business_street1, r.business_street2, r.business_city, r.business_state, r.business_zip, r.business_phone, r.mail_street1, r.mail_street2, r.mail_city, r.mail_state, r.mail_zip, r.mail_phone, r.attributes_as_of, r.attributes_filing_key)
      IS DISTINCT FROM (v.name, v.sic, v.irs_number, v.state_of_incorporation, v.fiscal_year_end, v.business_street1, v.business_street2, v.business_city, v.business_state, v.business_zip, v.business_phone, v.mail_street1, v.mail_street2, v.mail_city, v.mail_state, v.mail_zip, v.mail_phone, v.attributes_as_of, v.attributes_filing_key)
RETURNING r.registrant_id
