-- Insert the batch's staged items rows (the filings' old rows were deleted
-- first), in key order.
INSERT INTO edgar.items
SELECT * FROM stage_items
ORDER BY filing_id, ordinal
