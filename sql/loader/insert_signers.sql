-- Insert the batch's staged signers rows (the filings' old rows were deleted
-- first), in key order.
INSERT INTO edgar.signers
SELECT * FROM stage_signers
ORDER BY filing_id, ordinal
