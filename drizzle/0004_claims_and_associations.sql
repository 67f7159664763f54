CREATE TABLE "association_members" (
	"association_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"certificate_number" text NOT NULL,
	"certificate_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "association_members_association_id_member_id_pk" PRIMARY KEY("association_id","member_id"),
	CONSTRAINT "association_members_not_self" CHECK ("association_members"."association_id" <> "association_members"."member_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_claims_status" CHECK ("organisation_claims"."status" in ('pending','approved','rejected'))
);
--> statement-breakpoint
ALTER TABLE "association_members" ADD CONSTRAINT "association_members_association_id_organisations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "association_members" ADD CONSTRAINT "association_members_member_id_organisations_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_claims" ADD CONSTRAINT "organisation_claims_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_claims" ADD CONSTRAINT "organisation_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_claims" ADD CONSTRAINT "organisation_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "association_members_certificate" ON "association_members" USING btree ("association_id","certificate_number");--> statement-breakpoint
CREATE INDEX "association_members_member" ON "association_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "organisation_claims_organisation" ON "organisation_claims" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_claims_one_pending" ON "organisation_claims" USING btree ("organisation_id","user_id") WHERE "organisation_claims"."status" = 'pending';