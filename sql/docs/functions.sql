-- Functions of the edgar schema with their arguments, result and comment.
SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS arguments,
       pg_get_function_result(p.oid) AS result,
       coalesce(obj_description(p.oid, 'pg_proc'), '') AS comment
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'edgar'
ORDER BY p.proname, arguments
