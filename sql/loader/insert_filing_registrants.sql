-- Insert the batch's staged filing_registrants rows (the filings' old rows were deleted
-- first), in key order.
INSERT INTO edgar.filing_registrants
SELECT * FROM stage_filing_registrants
ORDER BY filing_id, role, ordinal
