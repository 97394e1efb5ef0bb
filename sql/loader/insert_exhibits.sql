-- Insert the batch's staged exhibits rows (the filings' old rows were deleted
-- first), in key order.
INSERT INTO edgar.exhibits
SELECT * FROM stage_exhibits
ORDER BY filing_id, ordinal
