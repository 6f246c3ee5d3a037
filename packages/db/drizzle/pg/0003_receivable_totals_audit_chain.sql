CREATE TABLE "receivable_due_totals" (
	"company_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"open_cents" bigint NOT NULL,
	"open_count" integer NOT NULL,
	"credit_cents" bigint NOT NULL,
	CONSTRAINT "receivable_due_totals_pk" PRIMARY KEY("company_id","due_date")
);
--> statement-breakpoint
CREATE TABLE "sales_day_totals" (
	"company_id" uuid NOT NULL,
	"issue_date" date NOT NULL,
	"sales_cents" bigint NOT NULL,
	CONSTRAINT "sales_day_totals_pk" PRIMARY KEY("company_id","issue_date")
);
--> statement-breakpoint
DROP INDEX "invoices_company_status_due_idx";--> statement-breakpoint
DROP INDEX "invoices_company_debtor_idx";--> statement-breakpoint
DROP INDEX "invoices_company_issue_idx";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "receivable_due_totals" ADD CONSTRAINT "receivable_due_totals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_day_totals" ADD CONSTRAINT "sales_day_totals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_unique" ON "audit_log" USING btree ("chain","seq");--> statement-breakpoint
CREATE INDEX "invoices_company_status_due_idx" ON "invoices" USING btree ("company_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "invoices_company_debtor_idx" ON "invoices" USING btree ("company_id","debtor_id","issue_date","id");--> statement-breakpoint
CREATE INDEX "invoices_company_issue_idx" ON "invoices" USING btree ("company_id","issue_date","id");