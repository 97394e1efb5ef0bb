-- Registrants that changed their name, with every former name and the date
-- it changed, newest first.
SELECT r.cik,
       r.name AS current_name,
       n.name AS former_name,
       n.changed_on
FROM edgar.registrants r
JOIN edgar.registrant_former_names n USING (registrant_id)
ORDER BY r.name, n.changed_on DESC NULLS LAST, n.name;
