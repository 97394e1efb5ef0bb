-- Upsert a SIC code's description ($1 sic, $2 description, $3 source file);
-- written only when the description changes.
INSERT INTO edgar.sic_codes AS t (sic, description, source)
VALUES ($1, $2, $3)
ON CONFLICT (sic) DO UPDATE SET description = excluded.description, source = excluded.source, loaded_at = now()
WHERE t.description IS DISTINCT FROM excluded.description
