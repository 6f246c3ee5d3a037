-- Keeps receivable_due_totals and sales_day_totals equal to a full recomputation from
-- invoices, in the same transaction as every INSERT, UPDATE and DELETE of an invoice, whoever
-- writes it. A row's contribution is removed (OLD) and added back (NEW); rows that fall to zero
-- are deleted. The bulk loader rebuilds the totals once instead (src/repo/receivableTotals.ts).
INSERT INTO receivable_due_totals (company_id, due_date, open_cents, open_count, credit_cents)
  SELECT company_id, due_date,
    sum(CASE WHEN kind = 'invoice' THEN open_amount_cents ELSE 0 END),
    sum(CASE WHEN kind = 'invoice' THEN 1 ELSE 0 END),
    sum(CASE WHEN kind = 'credit_note' THEN open_amount_cents ELSE 0 END)
  FROM invoices WHERE status = 'open' GROUP BY company_id, due_date
  HAVING sum(CASE WHEN kind = 'invoice' THEN 1 ELSE 0 END) <> 0 OR sum(open_amount_cents) <> 0;
--> statement-breakpoint
INSERT INTO sales_day_totals (company_id, issue_date, sales_cents)
  SELECT company_id, issue_date, sum(CASE WHEN kind = 'invoice' THEN total_cents ELSE -total_cents END)
  FROM invoices WHERE status IN ('open', 'paid', 'written_off') GROUP BY company_id, issue_date
  HAVING sum(CASE WHEN kind = 'invoice' THEN total_cents ELSE -total_cents END) <> 0;
--> statement-breakpoint
CREATE TRIGGER `invoices_totals_insert` AFTER INSERT ON `invoices`
BEGIN
  INSERT INTO receivable_due_totals (company_id, due_date, open_cents, open_count, credit_cents)
    SELECT NEW.company_id, NEW.due_date,
      CASE WHEN NEW.kind = 'invoice' THEN NEW.open_amount_cents ELSE 0 END,
      CASE WHEN NEW.kind = 'invoice' THEN 1 ELSE 0 END,
      CASE WHEN NEW.kind = 'credit_note' THEN NEW.open_amount_cents ELSE 0 END
    WHERE NEW.status = 'open'
    ON CONFLICT (company_id, due_date) DO UPDATE SET
      open_cents = open_cents + excluded.open_cents,
      open_count = open_count + excluded.open_count,
      credit_cents = credit_cents + excluded.credit_cents;
  DELETE FROM receivable_due_totals
    WHERE company_id = NEW.company_id AND due_date = NEW.due_date AND open_cents = 0 AND open_count = 0 AND credit_cents = 0;
  INSERT INTO sales_day_totals (company_id, issue_date, sales_cents)
    SELECT NEW.company_id, NEW.issue_date, CASE WHEN NEW.kind = 'invoice' THEN NEW.total_cents ELSE -NEW.total_cents END
    WHERE NEW.status IN ('open', 'paid', 'written_off')
    ON CONFLICT (company_id, issue_date) DO UPDATE SET sales_cents = sales_cents + excluded.sales_cents;
  DELETE FROM sales_day_totals
    WHERE company_id = NEW.company_id AND issue_date = NEW.issue_date AND sales_cents = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `invoices_totals_update` AFTER UPDATE OF status, open_amount_cents, due_date, issue_date, total_cents, kind, company_id ON `invoices`
BEGIN
  INSERT INTO receivable_due_totals (company_id, due_date, open_cents, open_count, credit_cents)
    SELECT OLD.company_id, OLD.due_date,
      CASE WHEN OLD.kind = 'invoice' THEN -OLD.open_amount_cents ELSE 0 END,
      CASE WHEN OLD.kind = 'invoice' THEN -1 ELSE 0 END,
      CASE WHEN OLD.kind = 'credit_note' THEN -OLD.open_amount_cents ELSE 0 END
    WHERE OLD.status = 'open'
    ON CONFLICT (company_id, due_date) DO UPDATE SET
      open_cents = open_cents + excluded.open_cents,
      open_count = open_count + excluded.open_count,
      credit_cents = credit_cents + excluded.credit_cents;
  DELETE FROM receivable_due_totals
    WHERE company_id = OLD.company_id AND due_date = OLD.due_date AND open_cents = 0 AND open_count = 0 AND credit_cents = 0;
  INSERT INTO sales_day_totals (company_id, issue_date, sales_cents)
    SELECT OLD.company_id, OLD.issue_date, CASE WHEN OLD.kind = 'invoice' THEN -OLD.total_cents ELSE OLD.total_cents END
    WHERE OLD.status IN ('open', 'paid', 'written_off')
    ON CONFLICT (company_id, issue_date) DO UPDATE SET sales_cents = sales_cents + excluded.sales_cents;
  DELETE FROM sales_day_totals
    WHERE company_id = OLD.company_id AND issue_date = OLD.issue_date AND sales_cents = 0;
  INSERT INTO receivable_due_totals (company_id, due_date, open_cents, open_count, credit_cents)
    SELECT NEW.company_id, NEW.due_date,
      CASE WHEN NEW.kind = 'invoice' THEN NEW.open_amount_cents ELSE 0 END,
      CASE WHEN NEW.kind = 'invoice' THEN 1 ELSE 0 END,
      CASE WHEN NEW.kind = 'credit_note' THEN NEW.open_amount_cents ELSE 0 END
    WHERE NEW.status = 'open'
    ON CONFLICT (company_id, due_date) DO UPDATE SET
      open_cents = open_cents + excluded.open_cents,
      open_count = open_count + excluded.open_count,
      credit_cents = credit_cents + excluded.credit_cents;
  DELETE FROM receivable_due_totals
    WHERE company_id = NEW.company_id AND due_date = NEW.due_date AND open_cents = 0 AND open_count = 0 AND credit_cents = 0;
  INSERT INTO sales_day_totals (company_id, issue_date, sales_cents)
    SELECT NEW.company_id, NEW.issue_date, CASE WHEN NEW.kind = 'invoice' THEN NEW.total_cents ELSE -NEW.total_cents END
    WHERE NEW.status IN ('open', 'paid', 'written_off')
    ON CONFLICT (company_id, issue_date) DO UPDATE SET sales_cents = sales_cents + excluded.sales_cents;
  DELETE FROM sales_day_totals
    WHERE company_id = NEW.company_id AND issue_date = NEW.issue_date AND sales_cents = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `invoices_totals_delete` AFTER DELETE ON `invoices`
BEGIN
  INSERT INTO receivable_due_totals (company_id, due_date, open_cents, open_count, credit_cents)
    SELECT OLD.company_id, OLD.due_date,
      CASE WHEN OLD.kind = 'invoice' THEN -OLD.open_amount_cents ELSE 0 END,
      CASE WHEN OLD.kind = 'invoice' THEN -1 ELSE 0 END,
      CASE WHEN OLD.kind = 'credit_note' THEN -OLD.open_amount_cents ELSE 0 END
    WHERE OLD.status = 'open'
    ON CONFLICT (company_id, due_date) DO UPDATE SET
      open_cents = open_cents + excluded.open_cents,
      open_count = open_count + excluded.open_count,
      credit_cents = credit_cents + excluded.credit_cents;
  DELETE FROM receivable_due_totals
    WHERE company_id = OLD.company_id AND due_date = OLD.due_date AND open_cents = 0 AND open_count = 0 AND credit_cents = 0;
  INSERT INTO sales_day_totals (company_id, issue_date, sales_cents)
    SELECT OLD.company_id, OLD.issue_date, CASE WHEN OLD.kind = 'invoice' THEN -OLD.total_cents ELSE OLD.total_cents END
    WHERE OLD.status IN ('open', 'paid', 'written_off')
    ON CONFLICT (company_id, issue_date) DO UPDATE SET sales_cents = sales_cents + excluded.sales_cents;
  DELETE FROM sales_day_totals
    WHERE company_id = OLD.company_id AND issue_date = OLD.issue_date AND sales_cents = 0;
END;
