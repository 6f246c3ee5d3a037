CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`firm_id` text,
	`company_id` text,
	`actor_user_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`at` integer NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_company_at_idx` ON `audit_log` (`company_id`,`at`);--> statement-breakpoint
CREATE TABLE `bank_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`iban` text NOT NULL,
	`bic` text,
	`name` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_accounts_company_iban_unique` ON `bank_accounts` (`company_id`,`iban`);--> statement-breakpoint
CREATE UNIQUE INDEX `bank_accounts_company_id_unique` ON `bank_accounts` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `bank_statements` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`bank_account_id` text NOT NULL,
	`format` text NOT NULL,
	`statement_number` text,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`opening_balance_cents` integer,
	`closing_balance_cents` integer,
	`document_id` text,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`company_id`,`bank_account_id`) REFERENCES `bank_accounts`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`document_id`) REFERENCES `documents`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bank_statements_format_known" CHECK("bank_statements"."format" in ('coda', 'camt053', 'mt940', 'csv', 'manual')),
	CONSTRAINT "bank_statements_period" CHECK("bank_statements"."to_date" >= "bank_statements"."from_date"),
	CONSTRAINT "bank_statements_from_date_is_day" CHECK("bank_statements"."from_date" is date("bank_statements"."from_date")),
	CONSTRAINT "bank_statements_to_date_is_day" CHECK("bank_statements"."to_date" is date("bank_statements"."to_date")),
	CONSTRAINT "bank_statements_opening_balance_cents_is_whole" CHECK(typeof("bank_statements"."opening_balance_cents") in ('integer', 'null')),
	CONSTRAINT "bank_statements_closing_balance_cents_is_whole" CHECK(typeof("bank_statements"."closing_balance_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE INDEX `bank_statements_account_idx` ON `bank_statements` (`bank_account_id`,`from_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `bank_statements_company_id_unique` ON `bank_statements` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `bank_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`bank_account_id` text NOT NULL,
	`statement_id` text,
	`booking_date` text NOT NULL,
	`value_date` text,
	`amount_cents` integer NOT NULL,
	`counterparty_name` text,
	`counterparty_iban` text,
	`communication` text,
	`structured_reference` text,
	`bank_reference` text,
	`dedup_key` text NOT NULL,
	`match_status` text DEFAULT 'unmatched' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`,`bank_account_id`) REFERENCES `bank_accounts`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`statement_id`) REFERENCES `bank_statements`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bank_transactions_match_known" CHECK("bank_transactions"."match_status" in ('unmatched', 'matched', 'partially_matched', 'ignored')),
	CONSTRAINT "bank_transactions_amount_nonzero" CHECK("bank_transactions"."amount_cents" <> 0),
	CONSTRAINT "bank_transactions_booking_date_is_day" CHECK("bank_transactions"."booking_date" is date("bank_transactions"."booking_date")),
	CONSTRAINT "bank_transactions_value_date_is_day" CHECK("bank_transactions"."value_date" is date("bank_transactions"."value_date")),
	CONSTRAINT "bank_transactions_amount_cents_is_whole" CHECK(typeof("bank_transactions"."amount_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_transactions_dedup_unique` ON `bank_transactions` (`bank_account_id`,`dedup_key`);--> statement-breakpoint
CREATE INDEX `bank_transactions_company_match_idx` ON `bank_transactions` (`company_id`,`match_status`,`booking_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `bank_transactions_company_id_unique` ON `bank_transactions` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `disputes` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`description` text,
	`opened_on` text NOT NULL,
	`resolved_on` text,
	`resolution` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "disputes_status_known" CHECK("disputes"."status" in ('open', 'resolved', 'rejected')),
	CONSTRAINT "disputes_resolved_after_opened" CHECK("disputes"."resolved_on" is null or "disputes"."resolved_on" >= "disputes"."opened_on"),
	CONSTRAINT "disputes_opened_on_is_day" CHECK("disputes"."opened_on" is date("disputes"."opened_on")),
	CONSTRAINT "disputes_resolved_on_is_day" CHECK("disputes"."resolved_on" is date("disputes"."resolved_on"))
);
--> statement-breakpoint
CREATE INDEX `disputes_company_invoice_idx` ON `disputes` (`company_id`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `disputes_company_status_idx` ON `disputes` (`company_id`,`status`);--> statement-breakpoint
CREATE TABLE `dunning_events` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`debtor_id` text NOT NULL,
	`invoice_id` text,
	`level` integer NOT NULL,
	`action` text NOT NULL,
	`channel` text NOT NULL,
	`occurred_on` text NOT NULL,
	`interest_cents` integer DEFAULT 0 NOT NULL,
	`fees_cents` integer DEFAULT 0 NOT NULL,
	`explanation` text,
	`document_id` text,
	`actor_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`debtor_id`) REFERENCES `debtors`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`document_id`) REFERENCES `documents`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dunning_events_action_known" CHECK("dunning_events"."action" in ('reminder', 'formal_notice', 'final_notice', 'phone_call', 'handover', 'note')),
	CONSTRAINT "dunning_events_channel_known" CHECK("dunning_events"."channel" in ('email', 'letter', 'registered_letter', 'phone', 'portal', 'other')),
	CONSTRAINT "dunning_events_level_natural" CHECK("dunning_events"."level" >= 0),
	CONSTRAINT "dunning_events_amounts_natural" CHECK("dunning_events"."interest_cents" >= 0 and "dunning_events"."fees_cents" >= 0),
	CONSTRAINT "dunning_events_occurred_on_is_day" CHECK("dunning_events"."occurred_on" is date("dunning_events"."occurred_on")),
	CONSTRAINT "dunning_events_interest_cents_is_whole" CHECK(typeof("dunning_events"."interest_cents") in ('integer', 'null')),
	CONSTRAINT "dunning_events_fees_cents_is_whole" CHECK(typeof("dunning_events"."fees_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE INDEX `dunning_events_company_invoice_idx` ON `dunning_events` (`company_id`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `dunning_events_company_debtor_idx` ON `dunning_events` (`company_id`,`debtor_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `holds` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`invoice_id` text,
	`debtor_id` text,
	`reason` text NOT NULL,
	`from_date` text NOT NULL,
	`until_date` text,
	`released_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`debtor_id`) REFERENCES `debtors`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "holds_one_target" CHECK(("holds"."invoice_id" is null) <> ("holds"."debtor_id" is null)),
	CONSTRAINT "holds_period" CHECK("holds"."until_date" is null or "holds"."until_date" >= "holds"."from_date"),
	CONSTRAINT "holds_from_date_is_day" CHECK("holds"."from_date" is date("holds"."from_date")),
	CONSTRAINT "holds_until_date_is_day" CHECK("holds"."until_date" is date("holds"."until_date"))
);
--> statement-breakpoint
CREATE INDEX `holds_company_invoice_idx` ON `holds` (`company_id`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `holds_company_debtor_idx` ON `holds` (`company_id`,`debtor_id`);--> statement-breakpoint
CREATE TABLE `payment_plan_installments` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`due_on` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`paid_cents` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`company_id`,`plan_id`) REFERENCES `payment_plans`(`company_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "installments_amount_positive" CHECK("payment_plan_installments"."amount_cents" > 0 and "payment_plan_installments"."paid_cents" >= 0 and "payment_plan_installments"."paid_cents" <= "payment_plan_installments"."amount_cents"),
	CONSTRAINT "payment_plan_installments_due_on_is_day" CHECK("payment_plan_installments"."due_on" is date("payment_plan_installments"."due_on")),
	CONSTRAINT "payment_plan_installments_amount_cents_is_whole" CHECK(typeof("payment_plan_installments"."amount_cents") in ('integer', 'null')),
	CONSTRAINT "payment_plan_installments_paid_cents_is_whole" CHECK(typeof("payment_plan_installments"."paid_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `installments_plan_sequence_unique` ON `payment_plan_installments` (`plan_id`,`sequence`);--> statement-breakpoint
CREATE TABLE `payment_plan_invoices` (
	`company_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	FOREIGN KEY (`company_id`,`plan_id`) REFERENCES `payment_plans`(`company_id`,`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`company_id`,`invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_invoices_unique` ON `payment_plan_invoices` (`plan_id`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `plan_invoices_invoice_idx` ON `payment_plan_invoices` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `payment_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`debtor_id` text NOT NULL,
	`status` text NOT NULL,
	`agreed_on` text NOT NULL,
	`total_cents` integer NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`debtor_id`) REFERENCES `debtors`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_plans_status_known" CHECK("payment_plans"."status" in ('active', 'completed', 'defaulted', 'cancelled')),
	CONSTRAINT "payment_plans_total_positive" CHECK("payment_plans"."total_cents" > 0),
	CONSTRAINT "payment_plans_agreed_on_is_day" CHECK("payment_plans"."agreed_on" is date("payment_plans"."agreed_on")),
	CONSTRAINT "payment_plans_total_cents_is_whole" CHECK(typeof("payment_plans"."total_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE INDEX `payment_plans_company_debtor_idx` ON `payment_plans` (`company_id`,`debtor_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_plans_company_id_unique` ON `payment_plans` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `promises_to_pay` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`debtor_id` text NOT NULL,
	`invoice_id` text,
	`amount_cents` integer NOT NULL,
	`promised_on` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`debtor_id`) REFERENCES `debtors`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "promises_status_known" CHECK("promises_to_pay"."status" in ('pending', 'kept', 'broken', 'cancelled')),
	CONSTRAINT "promises_amount_positive" CHECK("promises_to_pay"."amount_cents" > 0),
	CONSTRAINT "promises_due_after_promise" CHECK("promises_to_pay"."due_on" >= "promises_to_pay"."promised_on"),
	CONSTRAINT "promises_to_pay_promised_on_is_day" CHECK("promises_to_pay"."promised_on" is date("promises_to_pay"."promised_on")),
	CONSTRAINT "promises_to_pay_due_on_is_day" CHECK("promises_to_pay"."due_on" is date("promises_to_pay"."due_on")),
	CONSTRAINT "promises_to_pay_amount_cents_is_whole" CHECK(typeof("promises_to_pay"."amount_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE INDEX `promises_company_debtor_idx` ON `promises_to_pay` (`company_id`,`debtor_id`);--> statement-breakpoint
CREATE TABLE `debtor_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`debtor_id` text NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`language` text,
	FOREIGN KEY (`company_id`,`debtor_id`) REFERENCES `debtors`(`company_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "debtor_contacts_role_known" CHECK("debtor_contacts"."role" in ('billing', 'finance', 'management', 'sales', 'other')),
	CONSTRAINT "debtor_contacts_language_known" CHECK("debtor_contacts"."language" in ('nl', 'fr', 'en', 'de')),
	CONSTRAINT "debtor_contacts_position_natural" CHECK("debtor_contacts"."position" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `debtor_contacts_position_unique` ON `debtor_contacts` (`debtor_id`,`position`);--> statement-breakpoint
CREATE TABLE `debtors` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`language` text NOT NULL,
	`street` text,
	`postal_code` text,
	`city` text,
	`country` text NOT NULL,
	`vat_number` text,
	`enterprise_number` text,
	`external_ref` text,
	`is_supplier` integer DEFAULT false NOT NULL,
	`anti_assignment_clause` integer DEFAULT false NOT NULL,
	`credit_limit_cents` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "debtors_kind_known" CHECK("debtors"."kind" in ('business', 'consumer')),
	CONSTRAINT "debtors_language_known" CHECK("debtors"."language" in ('nl', 'fr', 'en', 'de')),
	CONSTRAINT "debtors_credit_limit_positive" CHECK("debtors"."credit_limit_cents" is null or "debtors"."credit_limit_cents" >= 0),
	CONSTRAINT "debtors_credit_limit_cents_is_whole" CHECK(typeof("debtors"."credit_limit_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE INDEX `debtors_company_name_idx` ON `debtors` (`company_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `debtors_company_external_ref_unique` ON `debtors` (`company_id`,`external_ref`);--> statement-breakpoint
CREATE UNIQUE INDEX `debtors_company_id_unique` ON `debtors` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`kind` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`media_type` text NOT NULL,
	`file_name` text NOT NULL,
	`uploaded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_kind_known" CHECK("documents"."kind" in ('invoice_pdf', 'ubl', 'letter', 'bank_statement', 'proof', 'contract', 'other')),
	CONSTRAINT "documents_sha256_hex" CHECK(length("documents"."sha256") = 64 and "documents"."sha256" = lower("documents"."sha256")),
	CONSTRAINT "documents_size_natural" CHECK("documents"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE INDEX `documents_company_sha_idx` ON `documents` (`company_id`,`sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_company_id_unique` ON `documents` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `factoring_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`status` text NOT NULL,
	`assigned_on` text,
	`notified_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`company_id`,`batch_id`) REFERENCES `factoring_batches`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "factoring_assignments_status_known" CHECK("factoring_assignments"."status" in ('proposed', 'assigned', 'rejected', 'repurchased', 'settled')),
	CONSTRAINT "factoring_assignments_amount_positive" CHECK("factoring_assignments"."amount_cents" > 0),
	CONSTRAINT "factoring_assignments_assigned_on_is_day" CHECK("factoring_assignments"."assigned_on" is date("factoring_assignments"."assigned_on")),
	CONSTRAINT "factoring_assignments_notified_on_is_day" CHECK("factoring_assignments"."notified_on" is date("factoring_assignments"."notified_on")),
	CONSTRAINT "factoring_assignments_amount_cents_is_whole" CHECK(typeof("factoring_assignments"."amount_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE INDEX `factoring_assignments_batch_idx` ON `factoring_assignments` (`batch_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `factoring_assignments_live_unique` ON `factoring_assignments` (`invoice_id`) WHERE status in ('proposed', 'assigned');--> statement-breakpoint
CREATE TABLE `factoring_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`factor_name` text NOT NULL,
	`reference` text NOT NULL,
	`status` text NOT NULL,
	`created_on` text NOT NULL,
	`submitted_on` text,
	`total_cents` integer DEFAULT 0 NOT NULL,
	`advance_rate` text,
	`fee_rate` text,
	`document_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`document_id`) REFERENCES `documents`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "factoring_batches_status_known" CHECK("factoring_batches"."status" in ('draft', 'submitted', 'accepted', 'rejected', 'settled')),
	CONSTRAINT "factoring_batches_total_natural" CHECK("factoring_batches"."total_cents" >= 0),
	CONSTRAINT "factoring_batches_created_on_is_day" CHECK("factoring_batches"."created_on" is date("factoring_batches"."created_on")),
	CONSTRAINT "factoring_batches_submitted_on_is_day" CHECK("factoring_batches"."submitted_on" is date("factoring_batches"."submitted_on")),
	CONSTRAINT "factoring_batches_total_cents_is_whole" CHECK(typeof("factoring_batches"."total_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `factoring_batches_reference_unique` ON `factoring_batches` (`company_id`,`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `factoring_batches_company_id_unique` ON `factoring_batches` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` text NOT NULL,
	`unit_price` text NOT NULL,
	`vat_rate` text NOT NULL,
	`vat_category` text NOT NULL,
	`net_cents` integer NOT NULL,
	`vat_cents` integer NOT NULL,
	FOREIGN KEY (`company_id`,`invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "invoice_lines_position_natural" CHECK("invoice_lines"."position" >= 0),
	CONSTRAINT "invoice_lines_net_cents_is_whole" CHECK(typeof("invoice_lines"."net_cents") in ('integer', 'null')),
	CONSTRAINT "invoice_lines_vat_cents_is_whole" CHECK(typeof("invoice_lines"."vat_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_lines_position_unique` ON `invoice_lines` (`invoice_id`,`position`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`debtor_id` text NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`issue_date` text NOT NULL,
	`due_date` text NOT NULL,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`net_cents` integer NOT NULL,
	`vat_cents` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`open_amount_cents` integer NOT NULL,
	`payment_reference` text,
	`credits_invoice_id` text,
	`document_id` text,
	`meta` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`debtor_id`) REFERENCES `debtors`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`document_id`) REFERENCES `documents`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`credits_invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoices_kind_known" CHECK("invoices"."kind" in ('invoice', 'credit_note')),
	CONSTRAINT "invoices_status_known" CHECK("invoices"."status" in ('draft', 'open', 'paid', 'cancelled', 'written_off')),
	CONSTRAINT "invoices_amounts_sane" CHECK("invoices"."net_cents" >= 0 and "invoices"."vat_cents" >= 0 and "invoices"."total_cents" = "invoices"."net_cents" + "invoices"."vat_cents"),
	CONSTRAINT "invoices_open_within_total" CHECK("invoices"."open_amount_cents" >= 0 and "invoices"."open_amount_cents" <= "invoices"."total_cents"),
	CONSTRAINT "invoices_due_after_issue" CHECK("invoices"."due_date" >= "invoices"."issue_date"),
	CONSTRAINT "invoices_credits_only_for_credit_notes" CHECK("invoices"."credits_invoice_id" is null or "invoices"."kind" = 'credit_note'),
	CONSTRAINT "invoices_issue_date_is_day" CHECK("invoices"."issue_date" is date("invoices"."issue_date")),
	CONSTRAINT "invoices_due_date_is_day" CHECK("invoices"."due_date" is date("invoices"."due_date")),
	CONSTRAINT "invoices_net_cents_is_whole" CHECK(typeof("invoices"."net_cents") in ('integer', 'null')),
	CONSTRAINT "invoices_vat_cents_is_whole" CHECK(typeof("invoices"."vat_cents") in ('integer', 'null')),
	CONSTRAINT "invoices_total_cents_is_whole" CHECK(typeof("invoices"."total_cents") in ('integer', 'null')),
	CONSTRAINT "invoices_open_amount_cents_is_whole" CHECK(typeof("invoices"."open_amount_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`company_id`,`kind`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_payment_reference_unique` ON `invoices` (`company_id`,`payment_reference`);--> statement-breakpoint
CREATE INDEX `invoices_company_status_due_idx` ON `invoices` (`company_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `invoices_company_debtor_idx` ON `invoices` (`company_id`,`debtor_id`);--> statement-breakpoint
CREATE INDEX `invoices_company_issue_idx` ON `invoices` (`company_id`,`issue_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_company_id_unique` ON `invoices` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`payment_id` text,
	`credit_note_id` text,
	`amount_cents` integer NOT NULL,
	`allocated_on` text NOT NULL,
	`reversed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`,`invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`payment_id`) REFERENCES `payments`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`credit_note_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocations_one_source" CHECK(("allocations"."payment_id" is null) <> ("allocations"."credit_note_id" is null)),
	CONSTRAINT "allocations_amount_positive" CHECK("allocations"."amount_cents" > 0),
	CONSTRAINT "allocations_allocated_on_is_day" CHECK("allocations"."allocated_on" is date("allocations"."allocated_on")),
	CONSTRAINT "allocations_amount_cents_is_whole" CHECK(typeof("allocations"."amount_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE INDEX `allocations_invoice_idx` ON `allocations` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `allocations_payment_idx` ON `allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `allocations_credit_note_idx` ON `allocations` (`credit_note_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`debtor_id` text,
	`amount_cents` integer NOT NULL,
	`received_on` text NOT NULL,
	`method` text NOT NULL,
	`reference` text,
	`communication` text,
	`bank_transaction_id` text,
	`unallocated_cents` integer NOT NULL,
	`reversed_at` integer,
	`reversal_reason` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`debtor_id`) REFERENCES `debtors`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`bank_transaction_id`) REFERENCES `bank_transactions`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_method_known" CHECK("payments"."method" in ('bank_transfer', 'direct_debit', 'card', 'cash', 'other')),
	CONSTRAINT "payments_amount_positive" CHECK("payments"."amount_cents" > 0),
	CONSTRAINT "payments_unallocated_within" CHECK("payments"."unallocated_cents" >= 0 and "payments"."unallocated_cents" <= "payments"."amount_cents"),
	CONSTRAINT "payments_received_on_is_day" CHECK("payments"."received_on" is date("payments"."received_on")),
	CONSTRAINT "payments_amount_cents_is_whole" CHECK(typeof("payments"."amount_cents") in ('integer', 'null')),
	CONSTRAINT "payments_unallocated_cents_is_whole" CHECK(typeof("payments"."unallocated_cents") in ('integer', 'null'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_reference_unique` ON `payments` (`company_id`,`reference`);--> statement-breakpoint
CREATE INDEX `payments_company_received_idx` ON `payments` (`company_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `payments_company_debtor_idx` ON `payments` (`company_id`,`debtor_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_company_id_unique` ON `payments` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`firm_id` text NOT NULL,
	`legal_name` text NOT NULL,
	`country` text NOT NULL,
	`enterprise_number` text,
	`vat_number` text,
	`iban` text,
	`bic` text,
	`language` text NOT NULL,
	`time_zone` text NOT NULL,
	`dunning_policy` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "companies_country_known" CHECK("companies"."country" in ('BE', 'NL')),
	CONSTRAINT "companies_language_known" CHECK("companies"."language" in ('nl', 'fr', 'en', 'de'))
);
--> statement-breakpoint
CREATE INDEX `companies_firm_idx` ON `companies` (`firm_id`);--> statement-breakpoint
CREATE TABLE `firms` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`country` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "firms_country_known" CHECK("firms"."country" in ('BE', 'NL'))
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`firm_id` text,
	`company_id` text,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_role_known" CHECK("memberships"."role" in ('accountant', 'entrepreneur', 'factor')),
	CONSTRAINT "memberships_one_scope" CHECK(("memberships"."firm_id" is null) <> ("memberships"."company_id" is null))
);
--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE INDEX `memberships_company_idx` ON `memberships` (`company_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_unique` ON `memberships` (`user_id`,`firm_id`,`company_id`,`role`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`language` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "users_language_known" CHECK("users"."language" in ('nl', 'fr', 'en', 'de')),
	CONSTRAINT "users_email_lower" CHECK("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);