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
CREATE FUNCTION fact_add_receivable(c uuid, k text, s text, due date, issued date, p_open bigint, p_total bigint, sign integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF s = 'open' THEN
    INSERT INTO receivable_due_totals AS t (company_id, due_date, open_cents, open_count, credit_cents)
      VALUES (c, due,
        CASE WHEN k = 'invoice' THEN sign * p_open ELSE 0 END,
        CASE WHEN k = 'invoice' THEN sign ELSE 0 END,
        CASE WHEN k = 'credit_note' THEN sign * p_open ELSE 0 END)
      ON CONFLICT (company_id, due_date) DO UPDATE SET
        open_cents = t.open_cents + excluded.open_cents,
        open_count = t.open_count + excluded.open_count,
        credit_cents = t.credit_cents + excluded.credit_cents;
    DELETE FROM receivable_due_totals d
      WHERE d.company_id = c AND d.due_date = due AND d.open_cents = 0 AND d.open_count = 0 AND d.credit_cents = 0;
  END IF;
  IF s IN ('open', 'paid', 'written_off') THEN
    INSERT INTO sales_day_totals AS t (company_id, issue_date, sales_cents)
      VALUES (c, issued, CASE WHEN k = 'invoice' THEN sign * p_total ELSE -sign * p_total END)
      ON CONFLICT (company_id, issue_date) DO UPDATE SET sales_cents = t.sales_cents + excluded.sales_cents;
    DELETE FROM sales_day_totals d WHERE d.company_id = c AND d.issue_date = issued AND d.sales_cents = 0;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION fact_invoice_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM fact_add_receivable(OLD.company_id, OLD.kind, OLD.status, OLD.due_date, OLD.issue_date, OLD.open_amount_cents, OLD.total_cents, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM fact_add_receivable(NEW.company_id, NEW.kind, NEW.status, NEW.due_date, NEW.issue_date, NEW.open_amount_cents, NEW.total_cents, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_totals AFTER INSERT OR UPDATE OF status, open_amount_cents, due_date, issue_date, total_cents, kind, company_id OR DELETE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION fact_invoice_totals();
