-- Insert the batch's staged documents rows (the filings' old rows were deleted
-- first), in key order.
INSERT INTO edgar.documents
SELECT * FROM stage_documents
ORDER BY filing_id, ordinal
