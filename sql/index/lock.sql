-- Serialize index loads of concurrent loaders: the merge reads the stored
-- rows before it writes them. Released at commit.
SELECT pg_advisory_xact_lock(hashtext('edgarload.index'))
