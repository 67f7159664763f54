CREATE INDEX "projects_title_kk" ON "projects" USING gin ("title_kk" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "projects_title_ru" ON "projects" USING gin ("title_ru" gin_trgm_ops);