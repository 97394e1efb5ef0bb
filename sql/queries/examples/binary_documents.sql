-- Documents stored without text (graphics, PDFs, ZIP and Excel payloads,
-- XBRL and XML data) by type: how many, their total size, and how many
-- distinct files by SHA-256 (the same logo filed again and again counts
-- once).
SELECT d.type,
       count(*)::integer AS documents,
       sum(d.bytes)::bigint AS bytes,
       count(DISTINCT d.sha256)::integer AS distinct_files
FROM edgar.documents d
WHERE d.text IS NULL
GROUP BY d.type
ORDER BY documents DESC, d.type;
