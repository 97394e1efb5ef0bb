-- Serialize batches of concurrent loaders: registrant matching and the
-- up-front "unchanged?" check must see a stable database. Released at commit.
SELECT pg_advisory_xact_lock(hashtext('edgarload.batch'))
