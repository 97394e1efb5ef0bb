-- Where a signature stands: signed for the registrant, in the 10-K table of
-- officers and directors signing in their capacities, or by the reporting
-- owner of a Form 3, 4 or 5.

-- +goose Up
ALTER TABLE edgar.signers
    ADD COLUMN context text CHECK (context IN ('registrant', 'capacity', 'owner'));
COMMENT ON COLUMN edgar.signers.context IS 'Block the signature stands in: registrant (signed on behalf of the registrant, e.g. "By: /s/ ..."), capacity (10-K table of officers and directors signing in their capacities: filter on it to list directors), owner (Forms 3-5). NULL for rows loaded by parser versions before 0.2.0.';

-- +goose Down
ALTER TABLE edgar.signers DROP COLUMN context;
