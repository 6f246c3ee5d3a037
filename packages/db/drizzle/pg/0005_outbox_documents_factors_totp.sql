CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"invoice_id" uuid,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "notes_body_not_empty" CHECK (length("notes"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "dunning_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"key" text NOT NULL,
	"debtor_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp (3) with time zone,
	"runner_id" text,
	"message_id" text,
	"planned" jsonb NOT NULL,
	"reason" text,
	"retry_at" timestamp (3) with time zone,
	"planned_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "dunning_outbox_state_known" CHECK ("dunning_outbox"."state" in ('planned', 'approved', 'skipped', 'claimed', 'failed', 'rerouted', 'dropped', 'sent', 'task-open', 'task-done')),
	CONSTRAINT "dunning_outbox_level_natural" CHECK ("dunning_outbox"."level" >= 0),
	CONSTRAINT "dunning_outbox_attempt_natural" CHECK ("dunning_outbox"."attempt" >= 0)
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "letter_templates_language_known" CHECK ("letter_templates"."language" in ('nl', 'fr', 'en', 'de')),
	CONSTRAINT "letter_templates_level_positive" CHECK ("letter_templates"."level" >= 1)
);
--> statement-breakpoint
CREATE TABLE "factor_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid NOT NULL,
	"factor_id" uuid,
	"profile_key" text NOT NULL,
	"profile" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "factoring_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"target" text NOT NULL,
	"destination" text NOT NULL,
	"attempt" integer NOT NULL,
	"status" text NOT NULL,
	"response_status" integer,
	"error" text,
	"next_attempt_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "factoring_deliveries_target_known" CHECK ("factoring_deliveries"."target" in ('folder', 'https')),
	CONSTRAINT "factoring_deliveries_status_known" CHECK ("factoring_deliveries"."status" in ('pending', 'delivered', 'failed')),
	CONSTRAINT "factoring_deliveries_attempt_positive" CHECK ("factoring_deliveries"."attempt" >= 1)
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"private_key_pem" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"retired_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "factors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"push_url" text,
	"push_secret" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp (3) with time zone NOT NULL,
	"locked_until" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_kind_known";--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_one_scope";--> statement-breakpoint
DROP INDEX "memberships_unique";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "status" text DEFAULT 'stored' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "result" jsonb;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "processed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "factoring_batches" ADD COLUMN "factor_id" uuid;--> statement-breakpoint
ALTER TABLE "factoring_batches" ADD COLUMN "profile_key" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "address" jsonb;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "factor_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" integer;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_debtor_fk" FOREIGN KEY ("company_id","debtor_id") REFERENCES "public"."debtors"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_invoice_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_outbox" ADD CONSTRAINT "dunning_outbox_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_outbox" ADD CONSTRAINT "dunning_outbox_debtor_fk" FOREIGN KEY ("company_id","debtor_id") REFERENCES "public"."debtors"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_profiles" ADD CONSTRAINT "factor_profiles_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_profiles" ADD CONSTRAINT "factor_profiles_factor_id_factors_id_fk" FOREIGN KEY ("factor_id") REFERENCES "public"."factors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factor_profiles" ADD CONSTRAINT "factor_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factoring_deliveries" ADD CONSTRAINT "factoring_deliveries_batch_fk" FOREIGN KEY ("company_id","batch_id") REFERENCES "public"."factoring_batches"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factors" ADD CONSTRAINT "factors_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notes_company_debtor_idx" ON "notes" USING btree ("company_id","debtor_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_outbox_company_key_unique" ON "dunning_outbox" USING btree ("company_id","key");--> statement-breakpoint
CREATE INDEX "dunning_outbox_company_state_idx" ON "dunning_outbox" USING btree ("company_id","state");--> statement-breakpoint
CREATE INDEX "dunning_outbox_company_debtor_idx" ON "dunning_outbox" USING btree ("company_id","debtor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_templates_company_level_language_unique" ON "letter_templates" USING btree ("company_id","level","language");--> statement-breakpoint
CREATE UNIQUE INDEX "factor_profiles_firm_key_unique" ON "factor_profiles" USING btree ("firm_id","profile_key");--> statement-breakpoint
CREATE UNIQUE INDEX "factoring_deliveries_attempt_unique" ON "factoring_deliveries" USING btree ("batch_id","target","attempt");--> statement-breakpoint
CREATE INDEX "factoring_deliveries_pending_idx" ON "factoring_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_key_id_unique" ON "signing_keys" USING btree ("key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_live_unique" ON "signing_keys" USING btree ("firm_id") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "factors_firm_idx" ON "factors" USING btree ("firm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "factors_firm_name_unique" ON "factors" USING btree ("firm_id","name");--> statement-breakpoint
ALTER TABLE "factoring_batches" ADD CONSTRAINT "factoring_batches_factor_id_factors_id_fk" FOREIGN KEY ("factor_id") REFERENCES "public"."factors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_factor_id_factors_id_fk" FOREIGN KEY ("factor_id") REFERENCES "public"."factors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_company_created_idx" ON "documents" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "factoring_batches_factor_idx" ON "factoring_batches" USING btree ("factor_id");--> statement-breakpoint
CREATE INDEX "memberships_factor_idx" ON "memberships" USING btree ("factor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_unique" ON "memberships" USING btree ("user_id","firm_id","company_id","factor_id","role");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_status_known" CHECK ("documents"."status" in ('stored', 'imported', 'refused'));--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_kind_known" CHECK ("documents"."kind" in ('invoice_pdf', 'ubl', 'letter', 'bank_statement', 'proof', 'contract', 'spreadsheet', 'factoring_package', 'dossier', 'other'));--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_one_scope" CHECK ((case when "memberships"."firm_id" is null then 0 else 1 end) + (case when "memberships"."company_id" is null then 0 else 1 end) + (case when "memberships"."factor_id" is null then 0 else 1 end) = 1);