CREATE TABLE "volunteer_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title_kk" text NOT NULL,
	"title_ru" text NOT NULL,
	"description_kk" text NOT NULL,
	"description_ru" text NOT NULL,
	"region_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"reported_volunteers" integer,
	"reported_events" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_campaigns_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "volunteer_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"payload" jsonb NOT NULL,
	"signature" text NOT NULL,
	"total_minutes" bigint NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "volunteer_certificates_code_unique" UNIQUE("code"),
	CONSTRAINT "volunteer_certificates_lang" CHECK ("volunteer_certificates"."lang" in ('kk','ru'))
);
--> statement-breakpoint
CREATE TABLE "volunteer_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_organisation_id" uuid NOT NULL,
	"campaign_id" uuid,
	"title_kk" text NOT NULL,
	"title_ru" text NOT NULL,
	"description_kk" text NOT NULL,
	"description_ru" text NOT NULL,
	"area" text NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"online" boolean DEFAULT false NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_age" integer DEFAULT 18 NOT NULL,
	"risk" text DEFAULT 'none' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_opportunities_risk" CHECK ("volunteer_opportunities"."risk" in ('none','emergency','hazardous','criminal-record')),
	CONSTRAINT "volunteer_opportunities_min_age" CHECK ("volunteer_opportunities"."min_age" between 6 and 99),
	CONSTRAINT "volunteer_opportunities_place" CHECK ("volunteer_opportunities"."online" or "volunteer_opportunities"."address" is not null)
);
--> statement-breakpoint
CREATE TABLE "volunteer_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	CONSTRAINT "volunteer_shifts_period" CHECK ("volunteer_shifts"."starts_at" < "volunteer_shifts"."ends_at"),
	CONSTRAINT "volunteer_shifts_capacity" CHECK ("volunteer_shifts"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shift_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"invited_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"check_in_code" text,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"reminded_at" timestamp with time zone,
	"minutes" integer,
	"hours_status" text,
	"hours_confirmed_by" uuid,
	"hours_confirmed_at" timestamp with time zone,
	"dispute_reason" text,
	"disputed_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_signups_check_in_code_unique" UNIQUE("check_in_code"),
	CONSTRAINT "volunteer_signups_status" CHECK ("volunteer_signups"."status" in ('invited','pending','waitlisted','accepted','declined','cancelled')),
	CONSTRAINT "volunteer_signups_hours_status" CHECK ("volunteer_signups"."hours_status" is null or "volunteer_signups"."hours_status" in ('recorded','confirmed','disputed')),
	CONSTRAINT "volunteer_signups_minutes" CHECK ("volunteer_signups"."minutes" is null or "volunteer_signups"."minutes" between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "volunteer_coordinators" (
	"volunteer_organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_coordinators_volunteer_organisation_id_user_id_pk" PRIMARY KEY("volunteer_organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"group_name_kk" text,
	"group_name_ru" text,
	"region_code" text NOT NULL,
	"city" text NOT NULL,
	"description_kk" text,
	"description_ru" text,
	"email" text,
	"phone" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_organisations_organisation_id_unique" UNIQUE("organisation_id"),
	CONSTRAINT "volunteer_organisations_kind" CHECK (("volunteer_organisations"."organisation_id" is not null) <> ("volunteer_organisations"."group_name_kk" is not null and "volunteer_organisations"."group_name_ru" is not null))
);
--> statement-breakpoint
CREATE TABLE "volunteer_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"birth_date" date NOT NULL,
	"region_code" text NOT NULL,
	"city" text NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone" text,
	"about" text,
	"public_profile" boolean DEFAULT false NOT NULL,
	"open_to_invitations" boolean DEFAULT false NOT NULL,
	"consent_parent_name" text,
	"consent_file_id" uuid,
	"consent_recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "volunteer_certificates" ADD CONSTRAINT "volunteer_certificates_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_opportunities" ADD CONSTRAINT "volunteer_opportunities_volunteer_organisation_id_volunteer_organisations_id_fk" FOREIGN KEY ("volunteer_organisation_id") REFERENCES "public"."volunteer_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_opportunities" ADD CONSTRAINT "volunteer_opportunities_campaign_id_volunteer_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."volunteer_campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_opportunities" ADD CONSTRAINT "volunteer_opportunities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_shifts" ADD CONSTRAINT "volunteer_shifts_opportunity_id_volunteer_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."volunteer_opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_shift_id_volunteer_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."volunteer_shifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signups" ADD CONSTRAINT "volunteer_signups_hours_confirmed_by_users_id_fk" FOREIGN KEY ("hours_confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_coordinators" ADD CONSTRAINT "volunteer_coordinators_volunteer_organisation_id_volunteer_organisations_id_fk" FOREIGN KEY ("volunteer_organisation_id") REFERENCES "public"."volunteer_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_coordinators" ADD CONSTRAINT "volunteer_coordinators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_organisations" ADD CONSTRAINT "volunteer_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_organisations" ADD CONSTRAINT "volunteer_organisations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_consent_file_id_files_id_fk" FOREIGN KEY ("consent_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_certificates_volunteer" ON "volunteer_certificates" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_opportunities_region" ON "volunteer_opportunities" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "volunteer_opportunities_organisation" ON "volunteer_opportunities" USING btree ("volunteer_organisation_id");--> statement-breakpoint
CREATE INDEX "volunteer_opportunities_campaign" ON "volunteer_opportunities" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "volunteer_shifts_opportunity" ON "volunteer_shifts" USING btree ("opportunity_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_signups_once" ON "volunteer_signups" USING btree ("shift_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_signups_volunteer" ON "volunteer_signups" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_signups_queue" ON "volunteer_signups" USING btree ("shift_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "volunteer_coordinators_user" ON "volunteer_coordinators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "volunteer_organisations_region" ON "volunteer_organisations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "volunteer_profiles_region" ON "volunteer_profiles" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "volunteer_profiles_skills" ON "volunteer_profiles" USING gin ("skills");