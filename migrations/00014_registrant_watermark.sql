-- Load speed (issue 11): a registrant's attributes are recomputed from the
-- batch's new rows only when those rows all come after the filing the
-- stored attributes were computed from.
--
-- edgar.registrants.attributes_filing_key names that filing (accession
-- number, else source SHA-256); with attributes_as_of it is the position of
-- the latest filing_registrants row in the order the attributes are taken
-- by (filing date, else period of report, descending; then the filing key,
-- descending). A batch whose rows for a registrant all come earlier in that
-- order (later filings) and that removed none of its rows can take each
-- attribute from its own rows, or keep the stored one, without reading the
-- registrant's history: the result is the same as a full recompute. NULL
-- (registrants written before this migration, or never computed) means the
-- next batch that touches the registrant recomputes it in full.

-- +goose Up
ALTER TABLE edgar.registrants ADD COLUMN attributes_filing_key text;
COMMENT ON COLUMN edgar.registrants.attributes_filing_key IS 'Accession number (else source SHA-256) of the latest filing the attributes were computed from (with attributes_as_of: where the loader''s incremental recompute starts); NULL until the loader next recomputes the registrant.';

-- +goose Down
ALTER TABLE edgar.registrants DROP COLUMN attributes_filing_key;
