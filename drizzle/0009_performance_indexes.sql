CREATE INDEX "lots_reannounced_from" ON "lots" USING btree ("reannounced_from_id") WHERE "lots"."reannounced_from_id" is not null;--> statement-breakpoint
CREATE INDEX "projects_competition" ON "projects" USING btree ("competition_id");--> statement-breakpoint
CREATE INDEX "reports_project" ON "reports" USING btree ("project_id");