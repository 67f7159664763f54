-- The register's search tests each candidate name with `<%` (pg_trgm's word_similarity_op), which
-- costs about a hundred times a plain comparison. Declared at pg_trgm's default cost of 1, the
-- planner read 10,000 organisations one by one (200 ms on PGlite) rather than through the trigram
-- index (20 ms). Altering a function needs its owner: where Ortaq's database user is not, the
-- cost stays as it was and a notice says so.
DO $$
BEGIN
  ALTER FUNCTION word_similarity_op(text, text) COST 100;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'word_similarity_op keeps its cost: only its owner (the superuser who created pg_trgm) can change it';
END
$$;
