CREATE TABLE "ngo_database_reports" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"submitted_on" date NOT NULL,
	CONSTRAINT "ngo_database_reports_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "short_name_kk" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "short_name_ru" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "short_name_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "district_kato" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "settlement" text DEFAULT 'urban' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "areas" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "head_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description_kk" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description_ru" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "staff_count" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "volunteer_count" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ngo_database_reports" ADD CONSTRAINT "ngo_database_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_search_key" ON "organisations" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_name_kk" ON "organisations" USING btree ("name_kk" collate kazakh);--> statement-breakpoint
CREATE INDEX "organisations_name_ru" ON "organisations" USING btree ("name_ru" collate kazakh);--> statement-breakpoint
CREATE INDEX "organisations_areas" ON "organisations" USING gin ("areas");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_settlement" CHECK ("organisations"."settlement" in ('urban','rural'));