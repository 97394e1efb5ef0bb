-- Insert the batch's staged securities rows (the filings' old rows were deleted
-- first), in key order.
INSERT INTO edgar.securities
SELECT * FROM stage_securities
ORDER BY filing_id, ordinal
