CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`debtor_id` text NOT NULL,
	`invoice_id` text,
	`body` text NOT NULL,
	`author_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`debtor_id`) REFERENCES `debtors`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`invoice_id`) REFERENCES `invoices`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notes_body_not_empty" CHECK(length("notes"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE INDEX `notes_company_debtor_idx` ON `notes` (`company_id`,`debtor_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `dunning_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`key` text NOT NULL,
	`debtor_id` text NOT NULL,
	`level` integer NOT NULL,
	`channel` text NOT NULL,
	`state` text NOT NULL,
	`attempt` integer DEFAULT 0 NOT NULL,
	`lease_until` integer,
	`runner_id` text,
	`message_id` text,
	`planned` text NOT NULL,
	`reason` text,
	`retry_at` integer,
	`planned_on` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`,`debtor_id`) REFERENCES `debtors`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dunning_outbox_state_known" CHECK("dunning_outbox"."state" in ('planned', 'approved', 'skipped', 'claimed', 'failed', 'rerouted', 'dropped', 'sent', 'task-open', 'task-done')),
	CONSTRAINT "dunning_outbox_level_natural" CHECK("dunning_outbox"."level" >= 0),
	CONSTRAINT "dunning_outbox_attempt_natural" CHECK("dunning_outbox"."attempt" >= 0),
	CONSTRAINT "dunning_outbox_planned_on_is_day" CHECK("dunning_outbox"."planned_on" is date("dunning_outbox"."planned_on"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dunning_outbox_company_key_unique` ON `dunning_outbox` (`company_id`,`key`);--> statement-breakpoint
CREATE INDEX `dunning_outbox_company_state_idx` ON `dunning_outbox` (`company_id`,`state`);--> statement-breakpoint
CREATE INDEX `dunning_outbox_company_debtor_idx` ON `dunning_outbox` (`company_id`,`debtor_id`);--> statement-breakpoint
CREATE TABLE `letter_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`level` integer NOT NULL,
	`language` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "letter_templates_language_known" CHECK("letter_templates"."language" in ('nl', 'fr', 'en', 'de')),
	CONSTRAINT "letter_templates_level_positive" CHECK("letter_templates"."level" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letter_templates_company_level_language_unique` ON `letter_templates` (`company_id`,`level`,`language`);--> statement-breakpoint
CREATE TABLE `factor_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`firm_id` text NOT NULL,
	`factor_id` text,
	`profile_key` text NOT NULL,
	`profile` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`factor_id`) REFERENCES `factors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `factor_profiles_firm_key_unique` ON `factor_profiles` (`firm_id`,`profile_key`);--> statement-breakpoint
CREATE TABLE `factoring_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`target` text NOT NULL,
	`destination` text NOT NULL,
	`attempt` integer NOT NULL,
	`status` text NOT NULL,
	`response_status` integer,
	`error` text,
	`next_attempt_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`,`batch_id`) REFERENCES `factoring_batches`(`company_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "factoring_deliveries_target_known" CHECK("factoring_deliveries"."target" in ('folder', 'https')),
	CONSTRAINT "factoring_deliveries_status_known" CHECK("factoring_deliveries"."status" in ('pending', 'delivered', 'failed')),
	CONSTRAINT "factoring_deliveries_attempt_positive" CHECK("factoring_deliveries"."attempt" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `factoring_deliveries_attempt_unique` ON `factoring_deliveries` (`batch_id`,`target`,`attempt`);--> statement-breakpoint
CREATE INDEX `factoring_deliveries_pending_idx` ON `factoring_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`firm_id` text NOT NULL,
	`key_id` text NOT NULL,
	`public_key_pem` text NOT NULL,
	`private_key_pem` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signing_keys_key_id_unique` ON `signing_keys` (`key_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `signing_keys_live_unique` ON `signing_keys` (`firm_id`) WHERE retired_at is null;--> statement-breakpoint
CREATE TABLE `factors` (
	`id` text PRIMARY KEY NOT NULL,
	`firm_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`push_url` text,
	`push_secret` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `factors_firm_idx` ON `factors` (`firm_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `factors_firm_name_unique` ON `factors` (`firm_id`,`name`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
-- Rebuilding a table that others point at, inside the migrator's one transaction (where
-- PRAGMA foreign_keys cannot change): foreign keys are deferred to the commit, the rows are set
-- aside, the table is dropped and created again under its own name, and putting the rows back
-- resolves every reference that the drop left dangling.
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__documents_rows` AS SELECT * FROM `documents`;--> statement-breakpoint
DROP TABLE `documents`;--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`kind` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`media_type` text NOT NULL,
	`file_name` text NOT NULL,
	`uploaded_by` text,
	`status` text DEFAULT 'stored' NOT NULL,
	`result` text,
	`processed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_kind_known" CHECK("documents"."kind" in ('invoice_pdf', 'ubl', 'letter', 'bank_statement', 'proof', 'contract', 'spreadsheet', 'factoring_package', 'dossier', 'other')),
	CONSTRAINT "documents_status_known" CHECK("documents"."status" in ('stored', 'imported', 'refused')),
	CONSTRAINT "documents_sha256_hex" CHECK(length("documents"."sha256") = 64 and "documents"."sha256" = lower("documents"."sha256")),
	CONSTRAINT "documents_size_natural" CHECK("documents"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE INDEX `documents_company_sha_idx` ON `documents` (`company_id`,`sha256`);--> statement-breakpoint
CREATE INDEX `documents_company_created_idx` ON `documents` (`company_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_company_id_unique` ON `documents` (`company_id`,`id`);--> statement-breakpoint
INSERT INTO `documents`("id", "company_id", "kind", "sha256", "size_bytes", "media_type", "file_name", "uploaded_by", "created_at") SELECT "id", "company_id", "kind", "sha256", "size_bytes", "media_type", "file_name", "uploaded_by", "created_at" FROM `__documents_rows`;--> statement-breakpoint
DROP TABLE `__documents_rows`;--> statement-breakpoint
CREATE TABLE `__new_memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`firm_id` text,
	`company_id` text,
	`factor_id` text,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`firm_id`) REFERENCES `firms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`factor_id`) REFERENCES `factors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_role_known" CHECK("__new_memberships"."role" in ('accountant', 'entrepreneur', 'factor')),
	CONSTRAINT "memberships_one_scope" CHECK((case when "__new_memberships"."firm_id" is null then 0 else 1 end) + (case when "__new_memberships"."company_id" is null then 0 else 1 end) + (case when "__new_memberships"."factor_id" is null then 0 else 1 end) = 1)
);
--> statement-breakpoint
INSERT INTO `__new_memberships`("id", "user_id", "firm_id", "company_id", "role", "created_at") SELECT "id", "user_id", "firm_id", "company_id", "role", "created_at" FROM `memberships`;--> statement-breakpoint
DROP TABLE `memberships`;--> statement-breakpoint
ALTER TABLE `__new_memberships` RENAME TO `memberships`;--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE INDEX `memberships_company_idx` ON `memberships` (`company_id`);--> statement-breakpoint
CREATE INDEX `memberships_factor_idx` ON `memberships` (`factor_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_unique` ON `memberships` (`user_id`,`firm_id`,`company_id`,`factor_id`,`role`);--> statement-breakpoint
ALTER TABLE `factoring_batches` ADD `factor_id` text REFERENCES factors(id);--> statement-breakpoint
ALTER TABLE `factoring_batches` ADD `profile_key` text;--> statement-breakpoint
CREATE INDEX `factoring_batches_factor_idx` ON `factoring_batches` (`factor_id`);--> statement-breakpoint
ALTER TABLE `companies` ADD `address` text;--> statement-breakpoint
ALTER TABLE `companies` ADD `email` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_enabled_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_last_step` integer;