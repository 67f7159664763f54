-- Indexes the benchmark found missing; proposed for a migration (docs/benchmarks.md), not applied
-- by Ortaq. `npm run bench -- --proposed-indexes` creates them after the seed to measure them.
create index if not exists reports_project on reports (project_id);
create index if not exists lots_reannounced_from on lots (reannounced_from_id) where reannounced_from_id is not null;
