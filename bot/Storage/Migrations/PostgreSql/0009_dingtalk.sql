-- Part of the PostgreSQL baseline (0001_domain.sql); this marker keeps the versions of both engines in step.
SELECT 1;
