-- Remove former names of CIK $1 beyond the $2 its submissions JSON now lists.
DELETE FROM edgar.submission_former_names WHERE cik = $1 AND ordinal > $2
