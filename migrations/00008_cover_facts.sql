-- Cover facts: what a filing's cover page prints where it differs from the
-- EDGAR header's value for the same registrant (a stale header: an old
-- address, telephone or file number; a name or state changed by this
-- filing). The header's values stay in name, irs_number, ... and still
-- decide the registrant's identity; these columns keep the cover's beside
-- them. NULL when the cover agrees, prints no value, or the filing has no
-- header (a bare document's cover values are the registrant's own).

-- +goose Up
ALTER TABLE edgar.filing_registrants
    ADD COLUMN cover_name text,
    ADD COLUMN cover_irs_number text,
    ADD COLUMN cover_state_of_incorporation text,
    ADD COLUMN cover_file_number text,
    ADD COLUMN cover_street1 text,
    ADD COLUMN cover_street2 text,
    ADD COLUMN cover_city text,
    ADD COLUMN cover_state text,
    ADD COLUMN cover_zip text,
    ADD COLUMN cover_phone text;
COMMENT ON COLUMN edgar.filing_registrants.cover_name IS 'Registrant name as printed on the cover page, when it differs from the header''s name (compared by significant words: case, punctuation and words like INC, CORP, THE ignored). NULL when they agree or either is missing.';
COMMENT ON COLUMN edgar.filing_registrants.cover_irs_number IS 'IRS employer identification number as printed on the cover page (e.g. 04-3387074), when its digits differ from the header''s. NULL when they agree or either is missing.';
COMMENT ON COLUMN edgar.filing_registrants.cover_state_of_incorporation IS 'State or country of incorporation printed on the cover page (two-letter code), when it differs from the header''s. NULL when they agree or either is missing.';
COMMENT ON COLUMN edgar.filing_registrants.cover_file_number IS 'Commission file number as printed on the cover page (e.g. 0-22247), when it differs from the header''s (leading zeros of each part ignored). NULL when they agree or either is missing.';
COMMENT ON COLUMN edgar.filing_registrants.cover_street1 IS 'Cover page address, first street line: the cover_* address columns hold the cover''s whole address block when its street number, city, state, ZIP code or telephone differs from the header''s business address (all NULL otherwise).';
COMMENT ON COLUMN edgar.filing_registrants.cover_street2 IS 'Cover page address, second street line (see cover_street1).';
COMMENT ON COLUMN edgar.filing_registrants.cover_city IS 'Cover page address, city (see cover_street1).';
COMMENT ON COLUMN edgar.filing_registrants.cover_state IS 'Cover page address, two-letter state or EDGAR country code (see cover_street1).';
COMMENT ON COLUMN edgar.filing_registrants.cover_zip IS 'Cover page address, postal code (see cover_street1).';
COMMENT ON COLUMN edgar.filing_registrants.cover_phone IS 'Telephone number printed on the cover page, as printed (see cover_street1).';

-- +goose Down
ALTER TABLE edgar.filing_registrants
    DROP COLUMN cover_name,
    DROP COLUMN cover_irs_number,
    DROP COLUMN cover_state_of_incorporation,
    DROP COLUMN cover_file_number,
    DROP COLUMN cover_street1,
    DROP COLUMN cover_street2,
    DROP COLUMN cover_city,
    DROP COLUMN cover_state,
    DROP COLUMN cover_zip,
    DROP COLUMN cover_phone;
