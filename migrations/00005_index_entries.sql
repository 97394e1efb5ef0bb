-- What EDGAR's index files and JSON say about filings and registrants,
-- loaded by `edgarload index load`: one row per index entry (filing x CIK),
-- and the registrant facts of the submissions JSON and the ticker lists.
-- These facts are kept apart from the as-filed facts of edgar.registrants
-- and edgar.registrant_former_names (which the loader recomputes from
-- filings only); the views at the end join them for analysts.

-- +goose Up
CREATE TABLE edgar.index_entries (
    accession_number         text NOT NULL CHECK (accession_number ~ '^[0-9]{10}-[0-9]{2}-[0-9]{6}$'),
    cik                      bigint NOT NULL CHECK (cik > 0),
    company_name             text,
    form_type                text NOT NULL CHECK (form_type <> ''),
    date_filed               date NOT NULL,
    file_name                text,
    report_date              date,
    acceptance_datetime      timestamptz,
    primary_document         text,
    primary_doc_description  text,
    items                    text[],
    size                     bigint CHECK (size >= 0),
    is_xbrl                  boolean,
    is_inline_xbrl           boolean,
    act                      text,
    file_number              text,
    film_number              text,
    index_source             text,
    json_source              text,
    source                   text NOT NULL,
    loaded_at                timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (accession_number, cik)
);
CREATE INDEX index_entries_form_type_idx ON edgar.index_entries (form_type, date_filed);
CREATE INDEX index_entries_cik_idx ON edgar.index_entries (cik, date_filed);
COMMENT ON TABLE edgar.index_entries IS 'One row per filing and CIK listed in EDGAR''s index files (full-index and daily-index master/form/company/xbrl/crawler.idx) or in a submissions JSON (filings.recent and history pages). A filing with several parties appears once per CIK. The filing itself may or may not be loaded in edgar.filings (join on accession_number).';
COMMENT ON COLUMN edgar.index_entries.accession_number IS 'EDGAR accession number NNNNNNNNNN-YY-NNNNNN (from the index file name, or the JSON accessionNumber).';
COMMENT ON COLUMN edgar.index_entries.cik IS 'Central Index Key the entry is listed under (filer, subject company, reporting owner...).';
COMMENT ON COLUMN edgar.index_entries.company_name IS 'Company name as the index file gives it (the name at filing time); from a submissions JSON, the current name, used only until an index file gives one. NULL when only a history page listed the entry.';
COMMENT ON COLUMN edgar.index_entries.form_type IS 'Form type, e.g. 8-K, 10-K/A, SC 13D.';
COMMENT ON COLUMN edgar.index_entries.date_filed IS 'Filing date (index Date Filed, JSON filingDate).';
COMMENT ON COLUMN edgar.index_entries.file_name IS 'Path of the submission in EDGAR''s Archives, e.g. edgar/data/320193/0000320193-24-000005.txt (crawler.idx: the URL of the filing index page). Derived as edgar/data/{cik}/{accession}.txt for entries known only from JSON.';
COMMENT ON COLUMN edgar.index_entries.report_date IS 'Period of report (submissions JSON reportDate); NULL from index files.';
COMMENT ON COLUMN edgar.index_entries.acceptance_datetime IS 'Acceptance time as the submissions JSON gives it (acceptanceDateTime, written as UTC; for some filers EDGAR writes the Eastern clock there instead). NULL from index files.';
COMMENT ON COLUMN edgar.index_entries.primary_document IS 'File name of the primary document (JSON primaryDocument), e.g. aapl-20230930.htm or xslF345X05/form4.xml.';
COMMENT ON COLUMN edgar.index_entries.primary_doc_description IS 'Description of the primary document (JSON primaryDocDescription).';
COMMENT ON COLUMN edgar.index_entries.items IS '8-K item codes the JSON lists (items "2.02,9.01" -> {2.02,9.01}); NULL when none.';
COMMENT ON COLUMN edgar.index_entries.size IS 'Size of the submission in bytes (JSON size).';
COMMENT ON COLUMN edgar.index_entries.is_xbrl IS 'The filing has XBRL (JSON isXBRL).';
COMMENT ON COLUMN edgar.index_entries.is_inline_xbrl IS 'The filing has inline XBRL (JSON isInlineXBRL).';
COMMENT ON COLUMN edgar.index_entries.act IS 'Securities act of the filing (JSON act: 33, 34, ...).';
COMMENT ON COLUMN edgar.index_entries.file_number IS 'SEC file number (JSON fileNumber), e.g. 001-36743.';
COMMENT ON COLUMN edgar.index_entries.film_number IS 'SEC film number (JSON filmNumber).';
COMMENT ON COLUMN edgar.index_entries.index_source IS 'Base name of the index file that last set company_name, form_type, date_filed and file_name; NULL when only JSON listed the entry.';
COMMENT ON COLUMN edgar.index_entries.json_source IS 'Base name of the submissions JSON file that last set the JSON columns; NULL when only index files listed the entry.';
COMMENT ON COLUMN edgar.index_entries.source IS 'Base name of the file whose load last changed this row (an index file or a JSON file).';
COMMENT ON COLUMN edgar.index_entries.loaded_at IS 'When the row last changed; a reload giving the same values leaves it alone.';

-- A SIC description belongs to the code, not to a company: one row per
-- code serves edgar.registrants.sic (as filed) and submission_companies.sic.
CREATE TABLE edgar.sic_codes (
    sic          int PRIMARY KEY CHECK (sic > 0),
    description  text NOT NULL CHECK (description <> ''),
    source       text NOT NULL,
    loaded_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE edgar.sic_codes IS 'Standard Industrial Classification codes with the SEC''s description, as given by submissions JSON (sic, sicDescription). Join on edgar.registrants.sic or edgar.submission_companies.sic.';
COMMENT ON COLUMN edgar.sic_codes.sic IS 'SIC code, e.g. 3571.';
COMMENT ON COLUMN edgar.sic_codes.description IS 'SEC description of the code, e.g. Electronic Computers.';
COMMENT ON COLUMN edgar.sic_codes.source IS 'Base name of the JSON file that last changed the description.';
COMMENT ON COLUMN edgar.sic_codes.loaded_at IS 'When the row last changed.';

CREATE TABLE edgar.submission_companies (
    cik                                    bigint PRIMARY KEY CHECK (cik > 0),
    name                                   text,
    entity_type                            text,
    sic                                    int CHECK (sic > 0),
    category                               text,
    ein                                    text,
    lei                                    text,
    description                            text,
    website                                text,
    investor_website                       text,
    fiscal_year_end                        text,
    state_of_incorporation                 text,
    state_of_incorporation_description     text,
    phone                                  text,
    flags                                  text,
    owner_org                              text,
    insider_transaction_for_owner_exists   boolean,
    insider_transaction_for_issuer_exists  boolean,
    business_street1                       text,
    business_street2                       text,
    business_city                          text,
    business_state                         text,
    business_zip                           text,
    business_state_description             text,
    mail_street1                           text,
    mail_street2                           text,
    mail_city                              text,
    mail_state                             text,
    mail_zip                               text,
    mail_state_description                 text,
    history_pages                          text[],
    source                                 text NOT NULL,
    loaded_at                              timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE edgar.submission_companies IS 'Registrant facts as SEC''s submissions JSON (data.sec.gov/submissions/CIK##########.json) gives them today, one row per CIK; the latest load of a company''s JSON wins. As-filed facts stay in edgar.registrants; edgar.company_profile shows both.';
COMMENT ON COLUMN edgar.submission_companies.cik IS 'Central Index Key (joins edgar.registrants.cik).';
COMMENT ON COLUMN edgar.submission_companies.name IS 'Current name (JSON name; mixed case, may differ from the EDGAR conformed name).';
COMMENT ON COLUMN edgar.submission_companies.entity_type IS 'Entity type, e.g. operating, other, individual.';
COMMENT ON COLUMN edgar.submission_companies.sic IS 'SIC code (description in edgar.sic_codes).';
COMMENT ON COLUMN edgar.submission_companies.category IS 'Filer category, e.g. Large accelerated filer.';
COMMENT ON COLUMN edgar.submission_companies.ein IS 'IRS employer identification number, 9 digits, as given.';
COMMENT ON COLUMN edgar.submission_companies.lei IS 'Legal entity identifier, when given.';
COMMENT ON COLUMN edgar.submission_companies.description IS 'Company description (usually empty).';
COMMENT ON COLUMN edgar.submission_companies.website IS 'Website, when given.';
COMMENT ON COLUMN edgar.submission_companies.investor_website IS 'Investor relations website, when given.';
COMMENT ON COLUMN edgar.submission_companies.fiscal_year_end IS 'Fiscal year end as MMDD, e.g. 0930.';
COMMENT ON COLUMN edgar.submission_companies.state_of_incorporation IS 'State or country code of incorporation, e.g. CA.';
COMMENT ON COLUMN edgar.submission_companies.state_of_incorporation_description IS 'Description of the state or country of incorporation.';
COMMENT ON COLUMN edgar.submission_companies.phone IS 'Telephone number, as given.';
COMMENT ON COLUMN edgar.submission_companies.flags IS 'EDGAR flags, as given (usually empty).';
COMMENT ON COLUMN edgar.submission_companies.owner_org IS 'SEC reviewing office, e.g. 06 Technology (JSON ownerOrg; newer files only).';
COMMENT ON COLUMN edgar.submission_companies.insider_transaction_for_owner_exists IS 'EDGAR has insider transactions (Forms 3-5) with this CIK as reporting owner.';
COMMENT ON COLUMN edgar.submission_companies.insider_transaction_for_issuer_exists IS 'EDGAR has insider transactions (Forms 3-5) with this CIK as issuer.';
COMMENT ON COLUMN edgar.submission_companies.business_street1 IS 'Business address, first street line.';
COMMENT ON COLUMN edgar.submission_companies.business_street2 IS 'Business address, second street line.';
COMMENT ON COLUMN edgar.submission_companies.business_city IS 'Business address, city.';
COMMENT ON COLUMN edgar.submission_companies.business_state IS 'Business address, state or EDGAR country code (JSON stateOrCountry).';
COMMENT ON COLUMN edgar.submission_companies.business_zip IS 'Business address, postal code.';
COMMENT ON COLUMN edgar.submission_companies.business_state_description IS 'Business address, description of the state or country.';
COMMENT ON COLUMN edgar.submission_companies.mail_street1 IS 'Mailing address, first street line.';
COMMENT ON COLUMN edgar.submission_companies.mail_street2 IS 'Mailing address, second street line.';
COMMENT ON COLUMN edgar.submission_companies.mail_city IS 'Mailing address, city.';
COMMENT ON COLUMN edgar.submission_companies.mail_state IS 'Mailing address, state or EDGAR country code (JSON stateOrCountry).';
COMMENT ON COLUMN edgar.submission_companies.mail_zip IS 'Mailing address, postal code.';
COMMENT ON COLUMN edgar.submission_companies.mail_state_description IS 'Mailing address, description of the state or country.';
COMMENT ON COLUMN edgar.submission_companies.history_pages IS 'File names of the older-history pages (filings.files), e.g. {CIK0000320193-submissions-001.json}: load them too for the full filing list.';
COMMENT ON COLUMN edgar.submission_companies.source IS 'Base name of the JSON file the row was last changed from.';
COMMENT ON COLUMN edgar.submission_companies.loaded_at IS 'When the row last changed.';

CREATE TABLE edgar.registrant_tickers (
    cik           bigint NOT NULL CHECK (cik > 0),
    source        text NOT NULL CHECK (source IN ('submissions', 'company_tickers', 'company_tickers_exchange')),
    ordinal       int NOT NULL CHECK (ordinal > 0),
    ticker        text NOT NULL CHECK (ticker <> ''),
    exchange      text,
    company_name  text,
    source_file   text NOT NULL,
    loaded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cik, source, ordinal)
);
CREATE INDEX registrant_tickers_ticker_idx ON edgar.registrant_tickers (upper(ticker));
COMMENT ON TABLE edgar.registrant_tickers IS 'Tickers (with exchanges when given) of each CIK, per source list: a load replaces that source''s tickers for the CIKs it covers (company_tickers and company_tickers_exchange are complete lists: CIKs missing from a later load lose their rows). SEC says these lists are not guaranteed complete.';
COMMENT ON COLUMN edgar.registrant_tickers.cik IS 'Central Index Key (joins edgar.registrants.cik).';
COMMENT ON COLUMN edgar.registrant_tickers.source IS 'List the ticker comes from: submissions (the company''s submissions JSON tickers/exchanges), company_tickers (company_tickers.json) or company_tickers_exchange (company_tickers_exchange.json).';
COMMENT ON COLUMN edgar.registrant_tickers.ordinal IS 'Position among the CIK''s tickers in that list, from 1 (the first is usually the main class).';
COMMENT ON COLUMN edgar.registrant_tickers.ticker IS 'Ticker symbol as given, e.g. AAPL, BRK-B.';
COMMENT ON COLUMN edgar.registrant_tickers.exchange IS 'Exchange, e.g. Nasdaq, NYSE, OTC; NULL when the list gives none (company_tickers.json).';
COMMENT ON COLUMN edgar.registrant_tickers.company_name IS 'Company name given beside the ticker (company_tickers lists); NULL for submissions JSON.';
COMMENT ON COLUMN edgar.registrant_tickers.source_file IS 'Base name of the file the row was last changed from.';
COMMENT ON COLUMN edgar.registrant_tickers.loaded_at IS 'When the row last changed.';

CREATE TABLE edgar.submission_former_names (
    cik          bigint NOT NULL CHECK (cik > 0),
    ordinal      int NOT NULL CHECK (ordinal > 0),
    name         text NOT NULL CHECK (name <> ''),
    valid_from   date,
    valid_to     date,
    source       text NOT NULL,
    loaded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cik, ordinal)
);
CREATE INDEX submission_former_names_name_idx ON edgar.submission_former_names (edgar.normalize_name(name));
COMMENT ON TABLE edgar.submission_former_names IS 'Former names of a CIK as its submissions JSON lists them (formerNames), keyed by CIK whether or not the registrant has filings loaded; a load replaces the CIK''s list. The as-filed FORMER COMPANY names stay in edgar.registrant_former_names; edgar.company_former_names shows both.';
COMMENT ON COLUMN edgar.submission_former_names.cik IS 'Central Index Key (joins edgar.registrants.cik).';
COMMENT ON COLUMN edgar.submission_former_names.ordinal IS 'Position in the JSON formerNames list, from 1 (EDGAR lists the most recent first).';
COMMENT ON COLUMN edgar.submission_former_names.name IS 'Former name.';
COMMENT ON COLUMN edgar.submission_former_names.valid_from IS 'First date the name was used (JSON from); NULL when not given.';
COMMENT ON COLUMN edgar.submission_former_names.valid_to IS 'Last date the name was used (JSON to); NULL when not given.';
COMMENT ON COLUMN edgar.submission_former_names.source IS 'Base name of the JSON file the row was last changed from.';
COMMENT ON COLUMN edgar.submission_former_names.loaded_at IS 'When the row last changed.';

CREATE VIEW edgar.company_profile AS
WITH ciks AS (
    SELECT cik FROM edgar.registrants WHERE cik IS NOT NULL
    UNION
    SELECT cik FROM edgar.submission_companies
), tickers AS (
    SELECT DISTINCT ON (cik) cik, tickers, exchanges
    FROM (
        SELECT cik, source,
               array_agg(ticker ORDER BY ordinal) AS tickers,
               array_agg(exchange ORDER BY ordinal) AS exchanges
        FROM edgar.registrant_tickers
        GROUP BY cik, source
    ) t
    ORDER BY cik, array_position(ARRAY['submissions', 'company_tickers_exchange', 'company_tickers'], source)
)
SELECT c.cik,
       r.registrant_id,
       coalesce(s.name, r.name) AS name,
       r.name AS name_as_filed,
       s.entity_type,
       coalesce(s.sic, r.sic) AS sic,
       sc.description AS sic_description,
       t.tickers,
       t.exchanges,
       s.category,
       coalesce(s.state_of_incorporation, r.state_of_incorporation) AS state_of_incorporation,
       coalesce(s.fiscal_year_end, r.fiscal_year_end) AS fiscal_year_end,
       coalesce(s.ein, r.irs_number) AS ein,
       s.website,
       coalesce(s.phone, r.business_phone) AS phone,
       coalesce(s.business_city, r.business_city) AS business_city,
       coalesce(s.business_state, r.business_state) AS business_state,
       r.attributes_as_of,
       s.loaded_at AS json_loaded_at
FROM ciks c
LEFT JOIN edgar.registrants r ON r.cik = c.cik
LEFT JOIN edgar.submission_companies s ON s.cik = c.cik
LEFT JOIN edgar.sic_codes sc ON sc.sic = coalesce(s.sic, r.sic)
LEFT JOIN tickers t ON t.cik = c.cik;
COMMENT ON VIEW edgar.company_profile IS 'One row per CIK known from filings (edgar.registrants) or submissions JSON (edgar.submission_companies): the JSON''s current facts where loaded, else the latest as-filed ones, with the SIC description and tickers.';
COMMENT ON COLUMN edgar.company_profile.cik IS 'Central Index Key.';
COMMENT ON COLUMN edgar.company_profile.registrant_id IS 'The registrant (edgar.registrants); NULL when no filing of the CIK is loaded.';
COMMENT ON COLUMN edgar.company_profile.name IS 'Current name: the submissions JSON name, else the latest as-filed name.';
COMMENT ON COLUMN edgar.company_profile.name_as_filed IS 'Latest name as filed (edgar.registrants.name).';
COMMENT ON COLUMN edgar.company_profile.entity_type IS 'Entity type from the submissions JSON.';
COMMENT ON COLUMN edgar.company_profile.sic IS 'SIC code: the JSON''s, else as filed.';
COMMENT ON COLUMN edgar.company_profile.sic_description IS 'SEC description of the SIC code (edgar.sic_codes).';
COMMENT ON COLUMN edgar.company_profile.tickers IS 'Tickers in order, from the submissions JSON, else company_tickers_exchange.json, else company_tickers.json.';
COMMENT ON COLUMN edgar.company_profile.exchanges IS 'Exchanges parallel to tickers (NULL elements when the list gives none).';
COMMENT ON COLUMN edgar.company_profile.category IS 'Filer category from the submissions JSON.';
COMMENT ON COLUMN edgar.company_profile.state_of_incorporation IS 'State or country of incorporation: the JSON''s, else as filed.';
COMMENT ON COLUMN edgar.company_profile.fiscal_year_end IS 'Fiscal year end (MMDD): the JSON''s, else as filed.';
COMMENT ON COLUMN edgar.company_profile.ein IS 'IRS employer identification number: the JSON''s, else as filed.';
COMMENT ON COLUMN edgar.company_profile.website IS 'Website from the submissions JSON.';
COMMENT ON COLUMN edgar.company_profile.phone IS 'Telephone: the JSON''s, else the as-filed business phone.';
COMMENT ON COLUMN edgar.company_profile.business_city IS 'Business address city: the JSON''s, else as filed.';
COMMENT ON COLUMN edgar.company_profile.business_state IS 'Business address state or country code: the JSON''s, else as filed.';
COMMENT ON COLUMN edgar.company_profile.attributes_as_of IS 'Filing date the as-filed attributes come from (edgar.registrants.attributes_as_of).';
COMMENT ON COLUMN edgar.company_profile.json_loaded_at IS 'When the submissions JSON facts last changed; NULL when none is loaded.';

CREATE VIEW edgar.company_former_names AS
SELECT r.cik, r.registrant_id, n.name, NULL::date AS valid_from, n.changed_on AS valid_to, 'filing' AS source
FROM edgar.registrant_former_names n
JOIN edgar.registrants r USING (registrant_id)
UNION ALL
SELECT s.cik, r.registrant_id, s.name, s.valid_from, s.valid_to, 'submissions' AS source
FROM edgar.submission_former_names s
LEFT JOIN edgar.registrants r ON r.cik = s.cik;
COMMENT ON VIEW edgar.company_former_names IS 'Former names from both sources: as filed (FORMER COMPANY blocks, edgar.registrant_former_names) and from submissions JSON (edgar.submission_former_names).';
COMMENT ON COLUMN edgar.company_former_names.cik IS 'Central Index Key (NULL for an as-filed registrant without one).';
COMMENT ON COLUMN edgar.company_former_names.registrant_id IS 'The registrant (edgar.registrants); NULL when no filing of the CIK is loaded.';
COMMENT ON COLUMN edgar.company_former_names.name IS 'Former name.';
COMMENT ON COLUMN edgar.company_former_names.valid_from IS 'First date the name was used (submissions JSON only).';
COMMENT ON COLUMN edgar.company_former_names.valid_to IS 'Date the name stopped being used: JSON to, or the as-filed DATE OF NAME CHANGE.';
COMMENT ON COLUMN edgar.company_former_names.source IS 'filing (as filed) or submissions (JSON).';

-- Default privileges from 00003 cover tables created by the user that ran
-- it; grant explicitly in case another user migrates.
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'edgar_reader') THEN
        GRANT SELECT ON edgar.index_entries, edgar.sic_codes, edgar.submission_companies, edgar.registrant_tickers,
            edgar.submission_former_names, edgar.company_profile, edgar.company_former_names TO edgar_reader;
    END IF;
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP VIEW edgar.company_former_names;
DROP VIEW edgar.company_profile;
DROP TABLE edgar.submission_former_names;
DROP TABLE edgar.registrant_tickers;
DROP TABLE edgar.submission_companies;
DROP TABLE edgar.sic_codes;
DROP TABLE edgar.index_entries;
