CREATE TABLE `receivable_due_totals` (
	`company_id` text NOT NULL,
	`due_date` text NOT NULL,
	`open_cents` integer NOT NULL,
	`open_count` integer NOT NULL,
	`credit_cents` integer NOT NULL,
	PRIMARY KEY(`company_id`, `due_date`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sales_day_totals` (
	`company_id` text NOT NULL,
	`issue_date` text NOT NULL,
	`sales_cents` integer NOT NULL,
	PRIMARY KEY(`company_id`, `issue_date`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `invoices_company_status_due_idx`;--> statement-breakpoint
DROP INDEX `invoices_company_debtor_idx`;--> statement-breakpoint
DROP INDEX `invoices_company_issue_idx`;--> statement-breakpoint
CREATE INDEX `invoices_company_status_due_idx` ON `invoices` (`company_id`,`status`,`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_company_debtor_idx` ON `invoices` (`company_id`,`debtor_id`,`issue_date`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_company_issue_idx` ON `invoices` (`company_id`,`issue_date`,`id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `chain` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `seq` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_chain_seq_unique` ON `audit_log` (`chain`,`seq`);