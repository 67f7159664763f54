CREATE TABLE "application_attachments" (
	"application_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"document_code" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_attachments_application_id_file_id_pk" PRIMARY KEY("application_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"language" text NOT NULL,
	"content" jsonb NOT NULL,
	"requested_tiyn" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"receipt_number" text,
	"content_sha256" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"score" double precision,
	"rank" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_receipt_number_unique" UNIQUE("receipt_number"),
	CONSTRAINT "applications_status" CHECK ("applications"."status" in ('draft','submitted','withdrawn','admitted','refused')),
	CONSTRAINT "applications_language" CHECK ("applications"."language" in ('kk','ru')),
	CONSTRAINT "applications_submitted_has_receipt" CHECK ("applications"."status" = 'draft' or "applications"."receipt_number" is not null or "applications"."status" = 'withdrawn')
);
--> statement-breakpoint
CREATE TABLE "commission_members" (
	"competition_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_members_competition_id_expert_id_pk" PRIMARY KEY("competition_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"instrument" text NOT NULL,
	"organiser_id" uuid NOT NULL,
	"customer_id" uuid,
	"rule_version_id" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text,
	"title_kk" text NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text,
	"description_kk" text,
	"description_ru" text,
	"stage" text DEFAULT 'draft' NOT NULL,
	"announced_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"admission_until" timestamp with time zone NOT NULL,
	"evaluation_until" timestamp with time zone NOT NULL,
	"results_due_at" timestamp with time zone NOT NULL,
	"evaluation_started_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitions_number_unique" UNIQUE("number"),
	CONSTRAINT "competitions_instrument" CHECK ("competitions"."instrument" in ('grant','social-order','prize')),
	CONSTRAINT "competitions_stage" CHECK ("competitions"."stage" in ('draft','announced','evaluation','published')),
	CONSTRAINT "competitions_dates" CHECK ("competitions"."announced_at" < "competitions"."deadline_at" and "competitions"."deadline_at" <= "competitions"."admission_until"
      and "competitions"."admission_until" <= "competitions"."evaluation_until" and "competitions"."evaluation_until" <= "competitions"."results_due_at")
);
--> statement-breakpoint
CREATE TABLE "conflict_declarations" (
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"has_conflict" boolean NOT NULL,
	"note" text,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflict_declarations_application_id_expert_id_pk" PRIMARY KEY("application_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title_kk" text NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text,
	"area" text NOT NULL,
	"region_code" text NOT NULL,
	"budget_tiyn" bigint NOT NULL,
	"duration_type" text NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reannounced_from_id" uuid,
	"outcome" text,
	"failure_reason" text,
	"winner_application_id" uuid,
	"award_tiyn" bigint,
	CONSTRAINT "lots_budget_positive" CHECK ("lots"."budget_tiyn" > 0),
	CONSTRAINT "lots_duration_type" CHECK ("lots"."duration_type" in ('short','medium','long')),
	CONSTRAINT "lots_outcome" CHECK ("lots"."outcome" is null or "lots"."outcome" in ('awarded','failed')),
	CONSTRAINT "lots_failure_reason" CHECK (("lots"."outcome" = 'failed') = ("lots"."failure_reason" is not null) or "lots"."outcome" is null and "lots"."failure_reason" is null)
);
--> statement-breakpoint
CREATE TABLE "mci_values" (
	"year" integer PRIMARY KEY NOT NULL,
	"amount_tiyn" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"instrument" text NOT NULL,
	"title_kk" text NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text NOT NULL,
	"valid_from" date NOT NULL,
	"definition" jsonb NOT NULL,
	CONSTRAINT "rule_versions_instrument" CHECK ("rule_versions"."instrument" in ('grant','social-order','prize'))
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"points" integer NOT NULL,
	"comment" text NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scores_application_id_expert_id_criterion_pk" PRIMARY KEY("application_id","expert_id","criterion"),
	CONSTRAINT "scores_points" CHECK ("scores"."points" >= 0)
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_lot_id_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_members" ADD CONSTRAINT "commission_members_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_members" ADD CONSTRAINT "commission_members_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_organiser_id_organisations_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_rule_version_id_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."rule_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lots" ADD CONSTRAINT "lots_reannounced_from_id_lots_id_fk" FOREIGN KEY ("reannounced_from_id") REFERENCES "public"."lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_per_lot" ON "applications" USING btree ("lot_id","organisation_id") WHERE "applications"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "applications_organisation" ON "applications" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "competitions_organiser" ON "competitions" USING btree ("organiser_id");--> statement-breakpoint
CREATE INDEX "competitions_year" ON "competitions" USING btree ("year","instrument");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_competition_number" ON "lots" USING btree ("competition_id","number");--> statement-breakpoint
CREATE INDEX "lots_region" ON "lots" USING btree ("region_code");