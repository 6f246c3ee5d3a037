CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid,
	"company_id" uuid,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "bank_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"iban" text NOT NULL,
	"bic" text,
	"name" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "bank_accounts_company_id_unique" UNIQUE("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"format" text NOT NULL,
	"statement_number" text,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"opening_balance_cents" bigint,
	"closing_balance_cents" bigint,
	"document_id" uuid,
	"imported_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "bank_statements_company_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "bank_statements_format_known" CHECK ("bank_statements"."format" in ('coda', 'camt053', 'mt940', 'csv', 'manual')),
	CONSTRAINT "bank_statements_period" CHECK ("bank_statements"."to_date" >= "bank_statements"."from_date")
);
--> statement-breakpoint
CREATE TABLE "bank_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"bank_account_id" uuid NOT NULL,
	"statement_id" uuid,
	"booking_date" date NOT NULL,
	"value_date" date,
	"amount_cents" bigint NOT NULL,
	"counterparty_name" text,
	"counterparty_iban" text,
	"communication" text,
	"structured_reference" text,
	"bank_reference" text,
	"dedup_key" text NOT NULL,
	"match_status" text DEFAULT 'unmatched' NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "bank_transactions_company_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "bank_transactions_match_known" CHECK ("bank_transactions"."match_status" in ('unmatched', 'matched', 'partially_matched', 'ignored')),
	CONSTRAINT "bank_transactions_amount_nonzero" CHECK ("bank_transactions"."amount_cents" <> 0)
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"description" text,
	"opened_on" date NOT NULL,
	"resolved_on" date,
	"resolution" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "disputes_status_known" CHECK ("disputes"."status" in ('open', 'resolved', 'rejected')),
	CONSTRAINT "disputes_resolved_after_opened" CHECK ("disputes"."resolved_on" is null or "disputes"."resolved_on" >= "disputes"."opened_on")
);
--> statement-breakpoint
CREATE TABLE "dunning_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"invoice_id" uuid,
	"level" integer NOT NULL,
	"action" text NOT NULL,
	"channel" text NOT NULL,
	"occurred_on" date NOT NULL,
	"interest_cents" bigint DEFAULT 0 NOT NULL,
	"fees_cents" bigint DEFAULT 0 NOT NULL,
	"explanation" jsonb,
	"document_id" uuid,
	"actor_user_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "dunning_events_action_known" CHECK ("dunning_events"."action" in ('reminder', 'formal_notice', 'final_notice', 'phone_call', 'handover', 'note')),
	CONSTRAINT "dunning_events_channel_known" CHECK ("dunning_events"."channel" in ('email', 'letter', 'registered_letter', 'phone', 'portal', 'other')),
	CONSTRAINT "dunning_events_level_natural" CHECK ("dunning_events"."level" >= 0),
	CONSTRAINT "dunning_events_amounts_natural" CHECK ("dunning_events"."interest_cents" >= 0 and "dunning_events"."fees_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"invoice_id" uuid,
	"debtor_id" uuid,
	"reason" text NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"released_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "holds_one_target" CHECK (("holds"."invoice_id" is null) <> ("holds"."debtor_id" is null)),
	CONSTRAINT "holds_period" CHECK ("holds"."until_date" is null or "holds"."until_date" >= "holds"."from_date")
);
--> statement-breakpoint
CREATE TABLE "payment_plan_installments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"due_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "installments_amount_positive" CHECK ("payment_plan_installments"."amount_cents" > 0 and "payment_plan_installments"."paid_cents" >= 0 and "payment_plan_installments"."paid_cents" <= "payment_plan_installments"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "payment_plan_invoices" (
	"company_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"status" text NOT NULL,
	"agreed_on" date NOT NULL,
	"total_cents" bigint NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "payment_plans_company_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "payment_plans_status_known" CHECK ("payment_plans"."status" in ('active', 'completed', 'defaulted', 'cancelled')),
	CONSTRAINT "payment_plans_total_positive" CHECK ("payment_plans"."total_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "promises_to_pay" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"invoice_id" uuid,
	"amount_cents" bigint NOT NULL,
	"promised_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "promises_status_known" CHECK ("promises_to_pay"."status" in ('pending', 'kept', 'broken', 'cancelled')),
	CONSTRAINT "promises_amount_positive" CHECK ("promises_to_pay"."amount_cents" > 0),
	CONSTRAINT "promises_due_after_promise" CHECK ("promises_to_pay"."due_on" >= "promises_to_pay"."promised_on")
);
--> statement-breakpoint
CREATE TABLE "debtor_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"language" text,
	CONSTRAINT "debtor_contacts_role_known" CHECK ("debtor_contacts"."role" in ('billing', 'finance', 'management', 'sales', 'other')),
	CONSTRAINT "debtor_contacts_language_known" CHECK ("debtor_contacts"."language" in ('nl', 'fr', 'en', 'de')),
	CONSTRAINT "debtor_contacts_position_natural" CHECK ("debtor_contacts"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "debtors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"street" text,
	"postal_code" text,
	"city" text,
	"country" text NOT NULL,
	"vat_number" text,
	"enterprise_number" text,
	"external_ref" text,
	"is_supplier" boolean DEFAULT false NOT NULL,
	"anti_assignment_clause" boolean DEFAULT false NOT NULL,
	"credit_limit_cents" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "debtors_company_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "debtors_kind_known" CHECK ("debtors"."kind" in ('business', 'consumer')),
	CONSTRAINT "debtors_language_known" CHECK ("debtors"."language" in ('nl', 'fr', 'en', 'de')),
	CONSTRAINT "debtors_credit_limit_positive" CHECK ("debtors"."credit_limit_cents" is null or "debtors"."credit_limit_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "documents_company_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "documents_kind_known" CHECK ("documents"."kind" in ('invoice_pdf', 'ubl', 'letter', 'bank_statement', 'proof', 'contract', 'other')),
	CONSTRAINT "documents_sha256_hex" CHECK (length("documents"."sha256") = 64 and "documents"."sha256" = lower("documents"."sha256")),
	CONSTRAINT "documents_size_natural" CHECK ("documents"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "factoring_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"assigned_on" date,
	"notified_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "factoring_assignments_status_known" CHECK ("factoring_assignments"."status" in ('proposed', 'assigned', 'rejected', 'repurchased', 'settled')),
	CONSTRAINT "factoring_assignments_amount_positive" CHECK ("factoring_assignments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "factoring_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"factor_name" text NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"created_on" date NOT NULL,
	"submitted_on" date,
	"total_cents" bigint DEFAULT 0 NOT NULL,
	"advance_rate" numeric,
	"fee_rate" numeric,
	"document_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "factoring_batches_company_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "factoring_batches_status_known" CHECK ("factoring_batches"."status" in ('draft', 'submitted', 'accepted', 'rejected', 'settled')),
	CONSTRAINT "factoring_batches_total_natural" CHECK ("factoring_batches"."total_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric NOT NULL,
	"unit_price" numeric NOT NULL,
	"vat_rate" numeric NOT NULL,
	"vat_category" text NOT NULL,
	"net_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	CONSTRAINT "invoice_lines_position_natural" CHECK ("invoice_lines"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"net_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	"open_amount_cents" bigint NOT NULL,
	"payment_reference" text,
	"credits_invoice_id" uuid,
	"document_id" uuid,
	"meta" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "invoices_company_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "invoices_kind_known" CHECK ("invoices"."kind" in ('invoice', 'credit_note')),
	CONSTRAINT "invoices_status_known" CHECK ("invoices"."status" in ('draft', 'open', 'paid', 'cancelled', 'written_off')),
	CONSTRAINT "invoices_amounts_sane" CHECK ("invoices"."net_cents" >= 0 and "invoices"."vat_cents" >= 0 and "invoices"."total_cents" = "invoices"."net_cents" + "invoices"."vat_cents"),
	CONSTRAINT "invoices_open_within_total" CHECK ("invoices"."open_amount_cents" >= 0 and "invoices"."open_amount_cents" <= "invoices"."total_cents"),
	CONSTRAINT "invoices_due_after_issue" CHECK ("invoices"."due_date" >= "invoices"."issue_date"),
	CONSTRAINT "invoices_credits_only_for_credit_notes" CHECK ("invoices"."credits_invoice_id" is null or "invoices"."kind" = 'credit_note')
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"payment_id" uuid,
	"credit_note_id" uuid,
	"amount_cents" bigint NOT NULL,
	"allocated_on" date NOT NULL,
	"reversed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "allocations_one_source" CHECK (("allocations"."payment_id" is null) <> ("allocations"."credit_note_id" is null)),
	CONSTRAINT "allocations_amount_positive" CHECK ("allocations"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"debtor_id" uuid,
	"amount_cents" bigint NOT NULL,
	"received_on" date NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"communication" text,
	"bank_transaction_id" uuid,
	"unallocated_cents" bigint NOT NULL,
	"reversed_at" timestamp (3) with time zone,
	"reversal_reason" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "payments_company_id_unique" UNIQUE("company_id","id"),
	CONSTRAINT "payments_method_known" CHECK ("payments"."method" in ('bank_transfer', 'direct_debit', 'card', 'cash', 'other')),
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_cents" > 0),
	CONSTRAINT "payments_unallocated_within" CHECK ("payments"."unallocated_cents" >= 0 and "payments"."unallocated_cents" <= "payments"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid NOT NULL,
	"legal_name" text NOT NULL,
	"country" text NOT NULL,
	"enterprise_number" text,
	"vat_number" text,
	"iban" text,
	"bic" text,
	"language" text NOT NULL,
	"time_zone" text NOT NULL,
	"dunning_policy" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "companies_country_known" CHECK ("companies"."country" in ('BE', 'NL')),
	CONSTRAINT "companies_language_known" CHECK ("companies"."language" in ('nl', 'fr', 'en', 'de'))
);
--> statement-breakpoint
CREATE TABLE "firms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "firms_country_known" CHECK ("firms"."country" in ('BE', 'NL'))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"firm_id" uuid,
	"company_id" uuid,
	"role" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "memberships_role_known" CHECK ("memberships"."role" in ('accountant', 'entrepreneur', 'factor')),
	CONSTRAINT "memberships_one_scope" CHECK (("memberships"."firm_id" is null) <> ("memberships"."company_id" is null))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"language" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "users_language_known" CHECK ("users"."language" in ('nl', 'fr', 'en', 'de')),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_account_fk" FOREIGN KEY ("company_id","bank_account_id") REFERENCES "public"."bank_accounts"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_document_fk" FOREIGN KEY ("company_id","document_id") REFERENCES "public"."documents"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_transactions" ADD CONSTRAINT "bank_transactions_account_fk" FOREIGN KEY ("company_id","bank_account_id") REFERENCES "public"."bank_accounts"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_transactions" ADD CONSTRAINT "bank_transactions_statement_fk" FOREIGN KEY ("company_id","statement_id") REFERENCES "public"."bank_statements"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_invoice_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_debtor_fk" FOREIGN KEY ("company_id","debtor_id") REFERENCES "public"."debtors"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_invoice_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dunning_events" ADD CONSTRAINT "dunning_events_document_fk" FOREIGN KEY ("company_id","document_id") REFERENCES "public"."documents"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_invoice_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_debtor_fk" FOREIGN KEY ("company_id","debtor_id") REFERENCES "public"."debtors"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_installments" ADD CONSTRAINT "installments_plan_fk" FOREIGN KEY ("company_id","plan_id") REFERENCES "public"."payment_plans"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_invoices" ADD CONSTRAINT "plan_invoices_plan_fk" FOREIGN KEY ("company_id","plan_id") REFERENCES "public"."payment_plans"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plan_invoices" ADD CONSTRAINT "plan_invoices_invoice_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_debtor_fk" FOREIGN KEY ("company_id","debtor_id") REFERENCES "public"."debtors"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises_to_pay" ADD CONSTRAINT "promises_to_pay_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises_to_pay" ADD CONSTRAINT "promises_to_pay_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises_to_pay" ADD CONSTRAINT "promises_debtor_fk" FOREIGN KEY ("company_id","debtor_id") REFERENCES "public"."debtors"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises_to_pay" ADD CONSTRAINT "promises_invoice_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_contacts" ADD CONSTRAINT "debtor_contacts_debtor_fk" FOREIGN KEY ("company_id","debtor_id") REFERENCES "public"."debtors"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtors" ADD CONSTRAINT "debtors_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factoring_assignments" ADD CONSTRAINT "factoring_assignments_batch_fk" FOREIGN KEY ("company_id","batch_id") REFERENCES "public"."factoring_batches"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factoring_assignments" ADD CONSTRAINT "factoring_assignments_invoice_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factoring_batches" ADD CONSTRAINT "factoring_batches_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factoring_batches" ADD CONSTRAINT "factoring_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factoring_batches" ADD CONSTRAINT "factoring_batches_document_fk" FOREIGN KEY ("company_id","document_id") REFERENCES "public"."documents"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_debtor_fk" FOREIGN KEY ("company_id","debtor_id") REFERENCES "public"."debtors"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_document_fk" FOREIGN KEY ("company_id","document_id") REFERENCES "public"."documents"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credits_invoice_fk" FOREIGN KEY ("company_id","credits_invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_invoice_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_payment_fk" FOREIGN KEY ("company_id","payment_id") REFERENCES "public"."payments"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_credit_note_fk" FOREIGN KEY ("company_id","credit_note_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_debtor_fk" FOREIGN KEY ("company_id","debtor_id") REFERENCES "public"."debtors"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_bank_transaction_fk" FOREIGN KEY ("company_id","bank_transaction_id") REFERENCES "public"."bank_transactions"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_company_at_idx" ON "audit_log" USING btree ("company_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_company_iban_unique" ON "bank_accounts" USING btree ("company_id","iban");--> statement-breakpoint
CREATE INDEX "bank_statements_account_idx" ON "bank_statements" USING btree ("bank_account_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_transactions_dedup_unique" ON "bank_transactions" USING btree ("bank_account_id","dedup_key");--> statement-breakpoint
CREATE INDEX "bank_transactions_company_match_idx" ON "bank_transactions" USING btree ("company_id","match_status","booking_date");--> statement-breakpoint
CREATE INDEX "disputes_company_invoice_idx" ON "disputes" USING btree ("company_id","invoice_id");--> statement-breakpoint
CREATE INDEX "disputes_company_status_idx" ON "disputes" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "dunning_events_company_invoice_idx" ON "dunning_events" USING btree ("company_id","invoice_id");--> statement-breakpoint
CREATE INDEX "dunning_events_company_debtor_idx" ON "dunning_events" USING btree ("company_id","debtor_id","occurred_on");--> statement-breakpoint
CREATE INDEX "holds_company_invoice_idx" ON "holds" USING btree ("company_id","invoice_id");--> statement-breakpoint
CREATE INDEX "holds_company_debtor_idx" ON "holds" USING btree ("company_id","debtor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "installments_plan_sequence_unique" ON "payment_plan_installments" USING btree ("plan_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_invoices_unique" ON "payment_plan_invoices" USING btree ("plan_id","invoice_id");--> statement-breakpoint
CREATE INDEX "plan_invoices_invoice_idx" ON "payment_plan_invoices" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payment_plans_company_debtor_idx" ON "payment_plans" USING btree ("company_id","debtor_id");--> statement-breakpoint
CREATE INDEX "promises_company_debtor_idx" ON "promises_to_pay" USING btree ("company_id","debtor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "debtor_contacts_position_unique" ON "debtor_contacts" USING btree ("debtor_id","position");--> statement-breakpoint
CREATE INDEX "debtors_company_name_idx" ON "debtors" USING btree ("company_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "debtors_company_external_ref_unique" ON "debtors" USING btree ("company_id","external_ref");--> statement-breakpoint
CREATE INDEX "documents_company_sha_idx" ON "documents" USING btree ("company_id","sha256");--> statement-breakpoint
CREATE INDEX "factoring_assignments_batch_idx" ON "factoring_assignments" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "factoring_assignments_live_unique" ON "factoring_assignments" USING btree ("invoice_id") WHERE status in ('proposed', 'assigned');--> statement-breakpoint
CREATE UNIQUE INDEX "factoring_batches_reference_unique" ON "factoring_batches" USING btree ("company_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_position_unique" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_unique" ON "invoices" USING btree ("company_id","kind","number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_payment_reference_unique" ON "invoices" USING btree ("company_id","payment_reference");--> statement-breakpoint
CREATE INDEX "invoices_company_status_due_idx" ON "invoices" USING btree ("company_id","status","due_date");--> statement-breakpoint
CREATE INDEX "invoices_company_debtor_idx" ON "invoices" USING btree ("company_id","debtor_id");--> statement-breakpoint
CREATE INDEX "invoices_company_issue_idx" ON "invoices" USING btree ("company_id","issue_date");--> statement-breakpoint
CREATE INDEX "allocations_invoice_idx" ON "allocations" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "allocations_payment_idx" ON "allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "allocations_credit_note_idx" ON "allocations" USING btree ("credit_note_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_reference_unique" ON "payments" USING btree ("company_id","reference");--> statement-breakpoint
CREATE INDEX "payments_company_received_idx" ON "payments" USING btree ("company_id","received_on");--> statement-breakpoint
CREATE INDEX "payments_company_debtor_idx" ON "payments" USING btree ("company_id","debtor_id");--> statement-breakpoint
CREATE INDEX "companies_firm_idx" ON "companies" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_company_idx" ON "memberships" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_unique" ON "memberships" USING btree ("user_id","firm_id","company_id","role");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");