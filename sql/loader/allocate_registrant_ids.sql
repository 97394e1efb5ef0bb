-- Reserve $1 registrant ids, so that new registrants are inserted with ids
-- the loader already knows (one round trip for the whole batch).
SELECT nextval(pg_get_serial_sequence('edgar.registrants', 'registrant_id'))
FROM generate_series(1, $1::int)
