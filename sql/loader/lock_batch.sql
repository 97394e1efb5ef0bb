-- Serialize batches of concurrent loaders: registrant matching and the
-- up-front "unchanged?" check must see a stable database. Released at
-- commit. Taken through edgar.lock_batch() (SECURITY DEFINER, not
-- executable by PUBLIC or edgar_reader: a reader cannot take it).
SELECT edgar.lock_batch()
