-- The edgar schema: registrants, filings and what the parser extracts from
-- them, plus the loader's ledgers (load_runs, load_rejects).
-- Table and column names are a public contract (BI dashboards query them).

-- +goose Up
-- The schema may exist already: edgarload creates it (when missing) to
-- hold its version table, edgar.goose_db_version, or a DBA created it for
-- a loader login that owns it and may create nothing else. CREATE SCHEMA
-- IF NOT EXISTS would still need CREATE on the database, hence the check.
-- +goose StatementBegin
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = 'edgar') THEN
        CREATE SCHEMA edgar;
    END IF;
END
$$;
-- +goose StatementEnd
COMMENT ON SCHEMA edgar IS 'SEC EDGAR filings loaded by edgarload: registrants, filings, items, exhibits, signers and the load ledgers.';

-- Normalization helpers. The loader (Go) applies the same rules; a test
-- checks that both agree.

-- +goose StatementBegin
CREATE FUNCTION edgar.normalize_irs_number(irs_number text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN regexp_replace(irs_number, '[^0-9]', '', 'g') ~ '^0*$' THEN NULL
    ELSE regexp_replace(irs_number, '[^0-9]', '', 'g')
END;
-- +goose StatementEnd
COMMENT ON FUNCTION edgar.normalize_irs_number(text) IS 'IRS employer identification number reduced to its digits ("04-3387074" -> "043387074"); NULL when empty or all zeros (foreign issuers and trusts file 000000000).';

-- +goose StatementBegin
CREATE FUNCTION edgar.normalize_file_number(file_number text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN nullif(array_to_string(ARRAY(
    SELECT coalesce(nullif(ltrim(p, '0'), ''), '0')
    FROM unnest(regexp_split_to_array(translate(file_number, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), '[^0-9A-Z]+')) WITH ORDINALITY AS x(p, o)
    WHERE p <> ''
    ORDER BY o), '-'), '');
-- +goose StatementEnd
COMMENT ON FUNCTION edgar.normalize_file_number(text) IS 'SEC file number with leading zeros of each part removed and parts joined by "-" ("000-30229" and "0-30229" -> "0-30229"); NULL when empty.';

-- +goose StatementBegin
CREATE FUNCTION edgar.normalize_name(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN nullif(array_to_string(ARRAY(
    SELECT w
    FROM unnest(regexp_split_to_array(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(translate(name, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
                        '[ \t\n\r\f]*[/\\][A-Z0-9 .]*[/\\][ \t\n\r\f]*$', ''),
                    '[''`’]', '', 'g'),
                '[^A-Z0-9]+', ' ', 'g'),
            '(?<=(^| )[A-Z]) (?=[A-Z]( |$))', '', 'g'),
        ' ')) WITH ORDINALITY AS x(w, o)
    WHERE w <> ''
      AND w NOT IN ('THE', 'INC', 'INCORPORATED', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'LTD', 'LIMITED', 'LLC', 'PLC')
    ORDER BY o), ' '), '');
-- +goose StatementEnd
COMMENT ON FUNCTION edgar.normalize_name(text) IS 'Company name for matching: ASCII letters upper-cased, a trailing /STATE/ marker and apostrophes removed, other punctuation turned into spaces, runs of single letters joined (L L C -> LLC), and the noise words THE, INC, INCORPORATED, CORP, CORPORATION, CO, COMPANY, LTD, LIMITED, LLC, PLC dropped ("Sonus Networks, Inc." -> "SONUS NETWORKS", "1-800-Flowers.com" -> "1 800 FLOWERS COM", "U.S. Bancorp" -> "US BANCORP").';

-- +goose StatementBegin
CREATE FUNCTION edgar.shape_rank(shape text) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE shape
    WHEN 'submission' THEN 1
    WHEN 'feed' THEN 2
    WHEN 'header' THEN 3
    WHEN 'document-html' THEN 4
    WHEN 'document-xml' THEN 5
    WHEN 'document-text' THEN 6
    ELSE 9
END;
-- +goose StatementEnd
COMMENT ON FUNCTION edgar.shape_rank(text) IS 'Preference among source shapes of one accession number (lower wins): submission, feed, header, document-html, document-xml, document-text.';

CREATE TABLE edgar.registrants (
    registrant_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cik                    bigint UNIQUE CHECK (cik > 0),
    name                   text,
    name_normalized        text GENERATED ALWAYS AS (edgar.normalize_name(name)) STORED,
    sic                    int CHECK (sic >= 0),
    irs_number             text,
    state_of_incorporation text,
    fiscal_year_end        text,
    business_street1       text,
    business_street2       text,
    business_city          text,
    business_state         text,
    business_zip           text,
    business_phone         text,
    mail_street1           text,
    mail_street2           text,
    mail_city              text,
    mail_state             text,
    mail_zip               text,
    mail_phone             text,
    attributes_as_of       date
);
CREATE INDEX registrants_name_normalized_idx ON edgar.registrants (name_normalized);
COMMENT ON TABLE edgar.registrants IS 'One row per company or person that filed or was the subject of a filing. Attributes are those of the latest filing (by filing date) that gives them, whatever order filings were loaded in.';
COMMENT ON COLUMN edgar.registrants.registrant_id IS 'Surrogate key; join filing_registrants on it.';
COMMENT ON COLUMN edgar.registrants.cik IS 'SEC Central Index Key. NULL for a company known only from bare documents without an EDGAR header.';
COMMENT ON COLUMN edgar.registrants.name IS 'Latest name (EDGAR conformed name when a header gave it, else as printed on the cover page).';
COMMENT ON COLUMN edgar.registrants.name_normalized IS 'Name for matching: upper case without punctuation, /STATE/ marker and words like INC, CORP, THE (see edgar.normalize_name).';
COMMENT ON COLUMN edgar.registrants.sic IS 'Standard Industrial Classification code assigned by the SEC, e.g. 3661.';
COMMENT ON COLUMN edgar.registrants.irs_number IS 'IRS employer identification number as last filed (header: 9 digits; cover page: as printed, e.g. 04-3387074).';
COMMENT ON COLUMN edgar.registrants.state_of_incorporation IS 'Two-letter EDGAR state or country code of incorporation, e.g. DE.';
COMMENT ON COLUMN edgar.registrants.fiscal_year_end IS 'Fiscal year end as MMDD, e.g. 1231.';
COMMENT ON COLUMN edgar.registrants.business_street1 IS 'Business address, first street line (the address block of the latest filing that gives one).';
COMMENT ON COLUMN edgar.registrants.business_street2 IS 'Business address, second street line.';
COMMENT ON COLUMN edgar.registrants.business_city IS 'Business address, city.';
COMMENT ON COLUMN edgar.registrants.business_state IS 'Business address, two-letter state or EDGAR country code.';
COMMENT ON COLUMN edgar.registrants.business_zip IS 'Business address, postal code.';
COMMENT ON COLUMN edgar.registrants.business_phone IS 'Business telephone number, as filed.';
COMMENT ON COLUMN edgar.registrants.mail_street1 IS 'Mailing address, first street line (the address block of the latest filing that gives one).';
COMMENT ON COLUMN edgar.registrants.mail_street2 IS 'Mailing address, second street line.';
COMMENT ON COLUMN edgar.registrants.mail_city IS 'Mailing address, city.';
COMMENT ON COLUMN edgar.registrants.mail_state IS 'Mailing address, two-letter state or EDGAR country code.';
COMMENT ON COLUMN edgar.registrants.mail_zip IS 'Mailing address, postal code.';
COMMENT ON COLUMN edgar.registrants.mail_phone IS 'Mailing address telephone number, as filed (rare).';
COMMENT ON COLUMN edgar.registrants.attributes_as_of IS 'Filing date (else period of report) of the latest filing the attributes were taken from.';

CREATE TABLE edgar.registrant_former_names (
    registrant_id bigint NOT NULL REFERENCES edgar.registrants ON DELETE CASCADE,
    name          text NOT NULL CHECK (name <> ''),
    changed_on    date,
    CONSTRAINT registrant_former_names_key UNIQUE NULLS NOT DISTINCT (registrant_id, name, changed_on)
);
CREATE INDEX registrant_former_names_name_idx ON edgar.registrant_former_names (edgar.normalize_name(name));
COMMENT ON TABLE edgar.registrant_former_names IS 'Names a registrant used before (EDGAR FORMER COMPANY blocks), collected from all its filings.';
COMMENT ON COLUMN edgar.registrant_former_names.registrant_id IS 'The registrant (edgar.registrants).';
COMMENT ON COLUMN edgar.registrant_former_names.name IS 'Former conformed name.';
COMMENT ON COLUMN edgar.registrant_former_names.changed_on IS 'Date the name changed (EDGAR DATE OF NAME CHANGE); NULL when not given.';

CREATE TABLE edgar.filings (
    filing_id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accession_number         text UNIQUE CHECK (accession_number ~ '^[0-9]{10}-[0-9]{2}-[0-9]{6}$'),
    source_sha256            text NOT NULL UNIQUE CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
    form_type                text NOT NULL CHECK (form_type <> ''),
    period_of_report         date,
    filed_at                 date,
    accepted_at              timestamptz,
    date_of_change           date,
    effectiveness_date       date,
    document_count           int CHECK (document_count >= 0),
    item_information         text[],
    shape                    text NOT NULL CHECK (shape IN ('submission', 'feed', 'header', 'document-html', 'document-text', 'document-xml')),
    source_path              text NOT NULL,
    source_bytes             bigint NOT NULL CHECK (source_bytes >= 0),
    parser_version           text NOT NULL,
    emerging_growth_company  boolean,
    amendment_flag           boolean,
    loaded_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX filings_filed_at_idx ON edgar.filings (filed_at);
CREATE INDEX filings_form_type_idx ON edgar.filings (form_type, filed_at);
COMMENT ON TABLE edgar.filings IS 'One row per EDGAR filing (submission). Identified by its accession number, or for a bare document without one by the SHA-256 of the source file.';
COMMENT ON COLUMN edgar.filings.filing_id IS 'Surrogate key; every child table joins on it.';
COMMENT ON COLUMN edgar.filings.accession_number IS 'EDGAR accession number NNNNNNNNNN-YY-NNNNNN (prefix = the submitting entity, often a filing agent, not the company). NULL for bare documents.';
COMMENT ON COLUMN edgar.filings.source_sha256 IS 'SHA-256 (hex) of the source file the row was loaded from.';
COMMENT ON COLUMN edgar.filings.form_type IS 'Submission form type, e.g. 8-K, 10-K, 10-Q/A.';
COMMENT ON COLUMN edgar.filings.period_of_report IS 'Period of report (8-K: date of the earliest event reported).';
COMMENT ON COLUMN edgar.filings.filed_at IS 'Filing date assigned by EDGAR (a business date; late submissions get the next business day).';
COMMENT ON COLUMN edgar.filings.accepted_at IS 'Acceptance time; EDGAR gives US Eastern wall clock, stored as an absolute time.';
COMMENT ON COLUMN edgar.filings.date_of_change IS 'EDGAR DATE AS OF CHANGE: last time the SEC changed the submission.';
COMMENT ON COLUMN edgar.filings.effectiveness_date IS 'Effectiveness date, for forms that have one.';
COMMENT ON COLUMN edgar.filings.document_count IS 'Public document count declared in the header (advisory).';
COMMENT ON COLUMN edgar.filings.item_information IS 'Items listed in the header (ITEM INFORMATION titles or <ITEMS> codes), as given.';
COMMENT ON COLUMN edgar.filings.shape IS 'Layout of the source file: submission, feed, header, document-html, document-text or document-xml.';
COMMENT ON COLUMN edgar.filings.source_path IS 'Path of the source file when loaded (archive members as archive!member).';
COMMENT ON COLUMN edgar.filings.source_bytes IS 'Size of the source file in bytes.';
COMMENT ON COLUMN edgar.filings.parser_version IS 'Version of the edgarload parser that produced the row.';
COMMENT ON COLUMN edgar.filings.emerging_growth_company IS 'Emerging growth company check box of the cover page (NULL when not found).';
COMMENT ON COLUMN edgar.filings.amendment_flag IS 'Inline-XBRL dei:AmendmentFlag (NULL when not tagged).';
COMMENT ON COLUMN edgar.filings.loaded_at IS 'When this version of the filing was written; unchanged by reloading the same file.';

CREATE TABLE edgar.filing_registrants (
    filing_id              bigint NOT NULL REFERENCES edgar.filings ON DELETE CASCADE,
    role                   text NOT NULL CHECK (role ~ '^[a-z]+(-[a-z]+)*$'),
    ordinal                int NOT NULL CHECK (ordinal > 0),
    registrant_id          bigint NOT NULL REFERENCES edgar.registrants ON DELETE CASCADE,
    cik                    bigint,
    name                   text,
    sic                    int,
    irs_number             text,
    state_of_incorporation text,
    fiscal_year_end        text,
    form_type              text,
    sec_act                text,
    file_number            text,
    film_number            text,
    business_street1       text,
    business_street2       text,
    business_city          text,
    business_state         text,
    business_zip           text,
    business_phone         text,
    mail_street1           text,
    mail_street2           text,
    mail_city              text,
    mail_state             text,
    mail_zip               text,
    mail_phone             text,
    PRIMARY KEY (filing_id, role, ordinal)
);
CREATE INDEX filing_registrants_registrant_idx ON edgar.filing_registrants (registrant_id, filing_id);
CREATE INDEX filing_registrants_cik_idx ON edgar.filing_registrants (cik);
CREATE INDEX filing_registrants_irs_idx ON edgar.filing_registrants (edgar.normalize_irs_number(irs_number));
CREATE INDEX filing_registrants_file_number_idx ON edgar.filing_registrants (edgar.normalize_file_number(file_number));
CREATE INDEX filing_registrants_name_idx ON edgar.filing_registrants (edgar.normalize_name(name));
COMMENT ON TABLE edgar.filing_registrants IS 'The parties of each filing (filer, subject company, filed by, reporting owner, issuer, filed for) with their values as given in that filing.';
COMMENT ON COLUMN edgar.filing_registrants.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.filing_registrants.role IS 'Role in the filing: filer, subject-company, filed-by, reporting-owner, issuer, filed-for, or a rarer header block in the same form (serial-company, depositor, securitizer, issuing-entity).';
COMMENT ON COLUMN edgar.filing_registrants.ordinal IS 'Position among the parties of the same role in the filing, from 1.';
COMMENT ON COLUMN edgar.filing_registrants.registrant_id IS 'The registrant (edgar.registrants) this party was matched to.';
COMMENT ON COLUMN edgar.filing_registrants.cik IS 'Central Index Key as filed (NULL for bare documents).';
COMMENT ON COLUMN edgar.filing_registrants.name IS 'Name as filed.';
COMMENT ON COLUMN edgar.filing_registrants.sic IS 'SIC code as filed.';
COMMENT ON COLUMN edgar.filing_registrants.irs_number IS 'IRS employer identification number as filed.';
COMMENT ON COLUMN edgar.filing_registrants.state_of_incorporation IS 'State or country of incorporation as filed (two-letter code).';
COMMENT ON COLUMN edgar.filing_registrants.fiscal_year_end IS 'Fiscal year end (MMDD) as filed.';
COMMENT ON COLUMN edgar.filing_registrants.form_type IS 'Form type of this party''s FILING VALUES block (can differ from the submission type).';
COMMENT ON COLUMN edgar.filing_registrants.sec_act IS 'SEC act of the FILING VALUES block, e.g. 1934 Act.';
COMMENT ON COLUMN edgar.filing_registrants.file_number IS 'SEC file number as filed, e.g. 000-30229.';
COMMENT ON COLUMN edgar.filing_registrants.film_number IS 'SEC film number as filed.';
COMMENT ON COLUMN edgar.filing_registrants.business_street1 IS 'Business address as filed: first street line.';
COMMENT ON COLUMN edgar.filing_registrants.business_street2 IS 'Business address as filed: second street line.';
COMMENT ON COLUMN edgar.filing_registrants.business_city IS 'Business address as filed: city.';
COMMENT ON COLUMN edgar.filing_registrants.business_state IS 'Business address as filed: state or country code.';
COMMENT ON COLUMN edgar.filing_registrants.business_zip IS 'Business address as filed: postal code.';
COMMENT ON COLUMN edgar.filing_registrants.business_phone IS 'Business telephone number as filed.';
COMMENT ON COLUMN edgar.filing_registrants.mail_street1 IS 'Mailing address as filed: first street line.';
COMMENT ON COLUMN edgar.filing_registrants.mail_street2 IS 'Mailing address as filed: second street line.';
COMMENT ON COLUMN edgar.filing_registrants.mail_city IS 'Mailing address as filed: city.';
COMMENT ON COLUMN edgar.filing_registrants.mail_state IS 'Mailing address as filed: state or country code.';
COMMENT ON COLUMN edgar.filing_registrants.mail_zip IS 'Mailing address as filed: postal code.';
COMMENT ON COLUMN edgar.filing_registrants.mail_phone IS 'Mailing address telephone number as filed.';

CREATE TABLE edgar.items (
    filing_id        bigint NOT NULL REFERENCES edgar.filings ON DELETE CASCADE,
    ordinal          int NOT NULL CHECK (ordinal > 0),
    code             text NOT NULL CHECK (code <> ''),
    number_as_filed  text,
    part             text,
    title            text,
    text             text,
    source           text,
    PRIMARY KEY (filing_id, ordinal)
);
CREATE INDEX items_code_idx ON edgar.items (code, filing_id);
COMMENT ON TABLE edgar.items IS 'Numbered items of a report (8-K items, 10-K/10-Q parts and items), one row per item found.';
COMMENT ON COLUMN edgar.items.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.items.ordinal IS 'Position of the item in the filing, from 1.';
COMMENT ON COLUMN edgar.items.code IS 'Normalized item code: 8-K "2.02" (pre-2004 items mapped to the modern numbering), 10-K "I-1A", 10-Q "II-1".';
COMMENT ON COLUMN edgar.items.number_as_filed IS 'Item number as printed, e.g. "12" or "2.02".';
COMMENT ON COLUMN edgar.items.part IS 'Part (I..IV) for periodic reports.';
COMMENT ON COLUMN edgar.items.title IS 'Official title of the item code.';
COMMENT ON COLUMN edgar.items.text IS 'Plain text of the item body.';
COMMENT ON COLUMN edgar.items.source IS 'Where the item was found: body (document text) or header (listed only in the EDGAR header).';

CREATE TABLE edgar.exhibits (
    filing_id    bigint NOT NULL REFERENCES edgar.filings ON DELETE CASCADE,
    ordinal      int NOT NULL CHECK (ordinal > 0),
    number       text,
    type         text,
    sequence     int,
    filename     text,
    description  text,
    text         text,
    PRIMARY KEY (filing_id, ordinal)
);
CREATE INDEX exhibits_number_idx ON edgar.exhibits (number);
COMMENT ON TABLE edgar.exhibits IS 'Exhibits of a filing: EX-* documents and exhibit-index rows, merged by exhibit number.';
COMMENT ON COLUMN edgar.exhibits.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.exhibits.ordinal IS 'Position of the exhibit in the filing, from 1.';
COMMENT ON COLUMN edgar.exhibits.number IS 'Regulation S-K Item 601 exhibit number, e.g. 99.1, 10.2.';
COMMENT ON COLUMN edgar.exhibits.type IS 'EDGAR document type, e.g. EX-99.1 (NULL when the exhibit is only listed in the index).';
COMMENT ON COLUMN edgar.exhibits.sequence IS 'Sequence number of the exhibit''s document in the submission.';
COMMENT ON COLUMN edgar.exhibits.filename IS 'File name of the exhibit''s document.';
COMMENT ON COLUMN edgar.exhibits.description IS 'Description from the document block or the exhibit index.';
COMMENT ON COLUMN edgar.exhibits.text IS 'Plain text of the exhibit document.';

CREATE TABLE edgar.signers (
    filing_id   bigint NOT NULL REFERENCES edgar.filings ON DELETE CASCADE,
    ordinal     int NOT NULL CHECK (ordinal > 0),
    name        text NOT NULL CHECK (name <> ''),
    title       text,
    signed_on   date,
    signed_for  text,
    PRIMARY KEY (filing_id, ordinal)
);
CREATE INDEX signers_name_idx ON edgar.signers (name);
COMMENT ON TABLE edgar.signers IS 'People who signed a report (signature blocks).';
COMMENT ON COLUMN edgar.signers.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.signers.ordinal IS 'Position of the signature in the filing, from 1.';
COMMENT ON COLUMN edgar.signers.name IS 'Name of the signer as printed (without /s/).';
COMMENT ON COLUMN edgar.signers.title IS 'Title or capacity, e.g. Chief Financial Officer.';
COMMENT ON COLUMN edgar.signers.signed_on IS 'Date of the signature.';
COMMENT ON COLUMN edgar.signers.signed_for IS 'Entity signed for, usually the registrant.';

CREATE TABLE edgar.documents (
    filing_id    bigint NOT NULL REFERENCES edgar.filings ON DELETE CASCADE,
    ordinal      int NOT NULL CHECK (ordinal > 0),
    sequence     int,
    type         text,
    filename     text,
    description  text,
    bytes        bigint CHECK (bytes >= 0),
    PRIMARY KEY (filing_id, ordinal)
);
COMMENT ON TABLE edgar.documents IS 'The <DOCUMENT> blocks of a submission (primary document, exhibits, graphics, XBRL files...).';
COMMENT ON COLUMN edgar.documents.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.documents.ordinal IS 'Position of the document in the submission file, from 1.';
COMMENT ON COLUMN edgar.documents.sequence IS 'EDGAR <SEQUENCE> number (usually equals ordinal; can skip).';
COMMENT ON COLUMN edgar.documents.type IS 'EDGAR document type, e.g. 8-K, EX-99.1, GRAPHIC.';
COMMENT ON COLUMN edgar.documents.filename IS 'File name in the filing folder (absent in many 1990s filings).';
COMMENT ON COLUMN edgar.documents.description IS 'Document description, as filed.';
COMMENT ON COLUMN edgar.documents.bytes IS 'Size of the document text in bytes.';

CREATE TABLE edgar.securities (
    filing_id       bigint NOT NULL REFERENCES edgar.filings ON DELETE CASCADE,
    ordinal         int NOT NULL CHECK (ordinal > 0),
    title           text,
    trading_symbol  text,
    exchange        text,
    PRIMARY KEY (filing_id, ordinal)
);
CREATE INDEX securities_trading_symbol_idx ON edgar.securities (trading_symbol);
COMMENT ON TABLE edgar.securities IS 'Classes of securities registered under Section 12(b), from the inline-XBRL cover page.';
COMMENT ON COLUMN edgar.securities.filing_id IS 'The filing (edgar.filings).';
COMMENT ON COLUMN edgar.securities.ordinal IS 'Position on the cover page, from 1.';
COMMENT ON COLUMN edgar.securities.title IS 'Title of each class, e.g. Common Stock.';
COMMENT ON COLUMN edgar.securities.trading_symbol IS 'Trading symbol, e.g. AAPL.';
COMMENT ON COLUMN edgar.securities.exchange IS 'Exchange the class is registered on, e.g. NASDAQ.';

CREATE TABLE edgar.load_runs (
    run_id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz,
    status             text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
    inputs             text[] NOT NULL,
    parser_version     text NOT NULL,
    files_seen         int NOT NULL DEFAULT 0,
    filings_loaded     int NOT NULL DEFAULT 0,
    filings_unchanged  int NOT NULL DEFAULT 0,
    filings_rejected   int NOT NULL DEFAULT 0,
    rows               jsonb NOT NULL DEFAULT '{}',
    error              text,
    CHECK ((status = 'running') = (finished_at IS NULL))
);
COMMENT ON TABLE edgar.load_runs IS 'Ledger of edgarload runs: one row per `edgarload load`, with its counters.';
COMMENT ON COLUMN edgar.load_runs.run_id IS 'Run number.';
COMMENT ON COLUMN edgar.load_runs.started_at IS 'When the run started.';
COMMENT ON COLUMN edgar.load_runs.finished_at IS 'When the run ended (NULL while running).';
COMMENT ON COLUMN edgar.load_runs.status IS 'running, succeeded or failed.';
COMMENT ON COLUMN edgar.load_runs.inputs IS 'Paths given to the loader.';
COMMENT ON COLUMN edgar.load_runs.parser_version IS 'Parser version of the loader binary.';
COMMENT ON COLUMN edgar.load_runs.files_seen IS 'Input files (archive members included) read.';
COMMENT ON COLUMN edgar.load_runs.filings_loaded IS 'Filings inserted or replaced.';
COMMENT ON COLUMN edgar.load_runs.filings_unchanged IS 'Filings already present with the same source and parser version, or losing to a preferred source of the same accession number.';
COMMENT ON COLUMN edgar.load_runs.filings_rejected IS 'Inputs that could not be read, parsed or loaded (see edgar.load_rejects).';
COMMENT ON COLUMN edgar.load_runs.rows IS 'Rows inserted or updated per table, e.g. {"filings": 3, "items": 5}.';
COMMENT ON COLUMN edgar.load_runs.error IS 'Error that failed the run.';

CREATE TABLE edgar.load_rejects (
    reject_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         bigint NOT NULL REFERENCES edgar.load_runs ON DELETE CASCADE,
    source_path    text NOT NULL,
    source_sha256  text CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
    stage          text NOT NULL CHECK (stage IN ('read', 'parse', 'load')),
    error          text NOT NULL,
    rejected_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX load_rejects_run_idx ON edgar.load_rejects (run_id);
CREATE INDEX load_rejects_source_sha256_idx ON edgar.load_rejects (source_sha256);
COMMENT ON TABLE edgar.load_rejects IS 'Inputs a run could not load, with the stage and the error.';
COMMENT ON COLUMN edgar.load_rejects.reject_id IS 'Surrogate key.';
COMMENT ON COLUMN edgar.load_rejects.run_id IS 'The run (edgar.load_runs).';
COMMENT ON COLUMN edgar.load_rejects.source_path IS 'Path of the rejected input (archive members as archive!member).';
COMMENT ON COLUMN edgar.load_rejects.source_sha256 IS 'SHA-256 of the input bytes (NULL when unreadable).';
COMMENT ON COLUMN edgar.load_rejects.stage IS 'read (file could not be read), parse (not a filing or parse error) or load (invalid values).';
COMMENT ON COLUMN edgar.load_rejects.error IS 'The error, naming the file.';
COMMENT ON COLUMN edgar.load_rejects.rejected_at IS 'When the input was rejected.';

-- +goose Down
-- Drops every table and function of the schema but not the schema itself,
-- which holds edgarload's version table (edgar.goose_db_version).
DROP TABLE edgar.load_rejects, edgar.load_runs, edgar.securities, edgar.documents, edgar.signers,
    edgar.exhibits, edgar.items, edgar.filing_registrants, edgar.filings, edgar.registrant_former_names,
    edgar.registrants CASCADE;
DROP FUNCTION edgar.shape_rank(text), edgar.normalize_name(text), edgar.normalize_file_number(text),
    edgar.normalize_irs_number(text);
