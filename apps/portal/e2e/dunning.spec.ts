import { expect, test } from '@playwright/test';
import { ids, logIn, logInWithoutJs, open, ready, screenshot } from './support.js';

// Dunning from the portal (issue 6 §4, issue 4 debtor timeline): the company's runner settings and
// policy editor, today's follow-up queue (approve one, skip one with a reason, several at once,
// also without JavaScript), a letter template with its preview, and notes in the debtor timeline.
test.describe.configure({ mode: 'serial' });

test.describe('dunning', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, 'accountant');
  });

  test('the policy editor shows the legal gates, keeps an invalid value with its error, and saves a valid one', async ({ page }) => {
    const { entrepreneurCompanyId: company } = ids();
    await open(page, `/companies/${company}`);
    await page.getByRole('link', { name: 'Dunning', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dunning: how it runs and the policy');
    await ready(page);

    // the sender identity: without it nothing is sent and no letter can be previewed
    await page.getByLabel('Sender (e-mail)').fill('facturatie@bakkerij-janssens.be');
    await page.getByLabel('Street and number').fill('Kerkstraat 12');
    await page.getByLabel('Postal code').fill('9000');
    await page.getByLabel('City').fill('');
    await page.getByRole('button', { name: 'Save how it runs' }).click();
    await expect(page.locator('#city-error')).toHaveText('Please fill in this field.');
    await expect(page.getByLabel('Street and number')).toHaveValue('Kerkstraat 12');
    await page.getByLabel('City').fill('Gent');
    await page.getByLabel('Approve first (accountant)').check();
    await page.getByRole('button', { name: 'Save how it runs' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');

    const business = page.locator('section', { has: page.getByRole('heading', { name: 'Business debtors (B2B)' }) });
    const consumer = page.locator('section', { has: page.getByRole('heading', { name: 'Consumers (B2C)' }) });
    // the legal gates next to what they constrain (reference.md §1.2, §3)
    await expect(business.locator('.gate').first()).toContainText('interest from the day after the due date');
    await expect(business.locator('#business-l2-fixedCompensation-hint')).toContainText('per invoice, owed without a reminder');
    await expect(consumer.locator('#consumer-l1-damages-hint')).toContainText('Capped: €20 up to €150');
    await expect(consumer.locator('#consumer-l2-fee-hint')).toContainText('at most €7.50 plus postage');
    await expect(consumer.getByText('Book XIX: this is the free first reminder.')).toBeVisible();
    await screenshot(page, 'dunning-policy');

    // level 3 cannot follow level 2 on the same day: the error is next to that field, the values stay
    await business.locator('#business-l2-days').fill('0');
    await business.locator('#business-l4-days').fill('21');
    await business.getByRole('button', { name: 'Save the policy' }).click();
    await expect(page.locator('#business-l2-days-error')).toContainText('must be at least 1 day after the previous level');
    await expect(page.locator('#business-l2-days')).toHaveValue('0');
    await expect(page.locator('#business-l4-days')).toHaveValue('21');
    await expect(page.locator('#business-l2-days')).toHaveAttribute('aria-invalid', 'true');
    // a Book XIX reminder fee above the cap is refused by its field too
    await consumer.locator('#consumer-l2-fee').fill('9,50');
    await consumer.getByRole('button', { name: 'Save the policy' }).click();
    await expect(page.locator('#consumer-l2-fee-error')).toContainText('above the Book XIX cap of 7.50');

    await page.reload();
    await ready(page);
    await business.locator('#business-l4-days').fill('21');
    await business.getByRole('button', { name: 'Save the policy' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await page.reload();
    await expect(page.locator('#business-l4-days')).toHaveValue('21');
    await expect(business).toContainText('Own policy, version 2.');
    // back to the legal default, so the other specs see the demo as seeded
    await business.getByRole('button', { name: 'Back to the preset BE-B2B' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(page.locator('#business-l4-days')).toHaveValue('15');
  });

  test('the follow-up queue: approve one, skip one with a reason, approve several at once', async ({ page }) => {
    const { entrepreneurCompanyId: company } = ids();
    await open(page, `/companies/${company}/dunning`);
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect(page.getByRole('status')).toContainText('new reminders wait for approval');

    await page.getByRole('link', { name: "Today's follow-up" }).first().click();
    await expect(page).toHaveURL(/\/queue$/);
    await ready(page);
    const section = page.locator('section', { has: page.getByRole('heading', { name: /Bakkerij Janssens BV/ }) });
    const items = section.locator('article.queue-item');
    await expect(items.first()).toBeVisible();
    const before = await items.count();
    expect(before).toBeGreaterThanOrEqual(4);
    // the planner's reason and what it would claim are shown with each send
    await expect(items.first().locator('.reason')).toContainText('Level');
    await screenshot(page, 'queue');

    // approve one
    const first = items.first();
    const firstKey = await first.getAttribute('data-key');
    await first.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('1 approved');
    await expect(page.locator(`article[data-key="${firstKey}"]`)).toHaveCount(0);

    // skipping needs a reason: refused next to that send's field
    const second = section.locator('article.queue-item').first();
    const secondKey = (await second.getAttribute('data-key'))!;
    const debtorLink = second.locator('xpath=ancestor::div[contains(@class,"queue-debtor")]//h3/a');
    const debtorHref = (await debtorLink.getAttribute('href'))!;
    await second.getByRole('button', { name: 'Skip', exact: true }).click();
    await expect(page.locator(`#reason-${secondKey}-error`)).toHaveText('Give a reason of at least 3 characters.');
    await page.locator(`#reason-${secondKey}`).fill('Customer called: pays on Friday');
    await page.locator(`article[data-key="${secondKey}"]`).getByRole('button', { name: 'Skip', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('1 skipped');
    await expect(page.locator(`article[data-key="${secondKey}"]`)).toHaveCount(0);

    // several at once
    const remaining = section.locator('article.queue-item');
    const keys = [await remaining.nth(0).getAttribute('data-key'), await remaining.nth(1).getAttribute('data-key')];
    await remaining.nth(0).getByRole('checkbox').check();
    await remaining.nth(1).getByRole('checkbox').check();
    await expect(page.getByText(/^2 of \d+ selected$/)).toBeVisible();
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await expect(page.getByRole('status')).toContainText('2 approved');
    for (const k of keys) await expect(page.locator(`article[data-key="${k}"]`)).toHaveCount(0);
    await expect(section.locator('article.queue-item')).toHaveCount(before - 4);

    // the debtor's timeline says who skipped it, when and why
    await open(page, debtorHref);
    const timeline = page.locator('ol.timeline');
    await expect(timeline).toContainText('skipped');
    await expect(timeline).toContainText('Customer called: pays on Friday');
    await expect(timeline).toContainText('Demo Accountant');
  });

  test('bulk skip works without JavaScript, and a missing reason keeps the selection', async ({ browser }) => {
    const { context, page } = await logInWithoutJs(browser, 'accountant');
    // another company of the firm: its run fills its own part of the queue
    const other = ids().otherCompanyOfFirm!;
    await page.goto(`/companies/${other}/dunning`);
    await page.getByRole('button', { name: 'Run now' }).click();
    await expect(page.getByRole('status')).toContainText('new reminders wait for approval');
    const name = (await page.locator('main p a').first().textContent())!.replace('← ', '');
    await page.goto('/queue');
    const section = page.locator('section', { has: page.getByRole('heading', { name }) });
    const items = section.locator('article.queue-item');
    const before = await items.count();
    expect(before).toBeGreaterThanOrEqual(2);
    const keys = [await items.nth(0).getAttribute('data-key'), await items.nth(1).getAttribute('data-key')];
    await items.nth(0).getByRole('checkbox').check();
    await items.nth(1).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Skip selected' }).click();
    await expect(page.locator('#bulkReason-error')).toHaveText('Give a reason of at least 3 characters.');
    await expect(page.locator(`article[data-key="${keys[0]}"]`).getByRole('checkbox')).toBeChecked();
    await expect(page.locator(`article[data-key="${keys[1]}"]`).getByRole('checkbox')).toBeChecked();
    await page.getByLabel('Reason to skip', { exact: true }).first().fill('Agreed a payment date by phone');
    await page.getByRole('button', { name: 'Skip selected' }).click();
    await expect(page.getByRole('status')).toContainText('2 skipped');
    await expect(section.locator('article.queue-item')).toHaveCount(before - 2);
    await context.close();
  });

  test('a letter template: an unknown placeholder is refused by its field; the preview renders the real letter', async ({ page }) => {
    const { entrepreneurCompanyId: company } = ids();
    await open(page, `/companies/${company}/dunning/templates?level=3&language=en`);
    await expect(page.getByRole('heading', { name: 'Level 3, EN' })).toBeVisible();
    await page.getByLabel('Subject').fill('Second reminder for {invoiceNumbers}');
    await page.getByLabel('Text', { exact: true }).fill('Dear {customer},');
    await page.getByRole('button', { name: 'Save the template' }).click();
    await expect(page.locator('#body-error')).toContainText('{customer} is not a placeholder');
    await expect(page.getByLabel('Subject')).toHaveValue('Second reminder for {invoiceNumbers}');

    await page.getByLabel('Text', { exact: true }).fill('Dear {debtorName},\n\nOur records show {openAmount} still open for {invoiceNumbers}; with costs that is {amountDue}.');
    // a fixed letter date inside the published rate table keeps the figures golden
    await page.getByLabel('Date of the sample letter').fill('2026-06-30');
    await page.getByRole('button', { name: 'Preview' }).click();
    const letter = page.getByTestId('letter-preview');
    await expect(letter).toContainText('SECOND REMINDER FOR SAMPLE-001');
    await expect(letter).toContainText('Dear Sample Customer Ltd,');
    await expect(letter).toContainText('Our records show €1,210.00 still open for SAMPLE-001');
    // the amounts and the legal paragraphs stay generated (Law of 2 Aug 2002, reference.md §1.2):
    // due 09/06/2026, 21 days at 10.50 % (H1 2026) on €1,210.00 = €7.31, plus €40 per invoice
    await expect(letter).toContainText('with costs that is €1,257.31.');
    await expect(letter).toContainText(/Late-payment interest\s+SAMPLE-001\s+€7\.31/);
    await expect(letter).toContainText(/Total to pay\s+€1,257\.31/);
    await expect(letter).toContainText('Fixed compensation for recovery costs');
    await expect(letter).toContainText('Law of 2 August 2002');
    await expect(letter).toContainText('Bakkerij Janssens BV');
    await expect(page.getByText('with the text as typed (not saved)')).toBeVisible();
    await screenshot(page, 'template-preview');

    await page.getByRole('button', { name: 'Save the template' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(page.getByRole('link', { name: /own \(v1\)/ })).toBeVisible();
    const pdf = await page.request.get(`/companies/${company}/dunning/templates/preview.pdf?level=3&language=en&kind=business&asOf=2026-06-30`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('usable on a phone: the queue, the policy editor and the templates do not scroll sideways', async ({ page }) => {
    const { entrepreneurCompanyId: company } = ids();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of ['/queue', `/companies/${company}/dunning`, `/companies/${company}/dunning/templates?level=3&language=en`]) {
      await open(page, url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className}#${e.id}`));
      expect(overflow, `${url} ${wide.join(' ')}`).toBeLessThanOrEqual(0);
    }
    await open(page, '/queue');
    await screenshot(page, 'queue-phone');
  });

  test('a note appears in the debtor timeline with its author', async ({ page }) => {
    const { invoice } = ids();
    await open(page, `/companies/${invoice.companyId}/debtors/${invoice.debtorId}`);
    await page.getByRole('button', { name: 'Save the note' }).click();
    await expect(page.locator('#note-body-error')).toHaveText('Please fill in this field.');
    await page.locator('#note-body').fill('Called the owner: a transfer is on its way');
    await page.getByRole('button', { name: 'Save the note' }).click();
    const timeline = page.locator('ol.timeline');
    await expect(timeline.locator('li').first()).toContainText('Note: Called the owner: a transfer is on its way');
    await expect(timeline.locator('li').first()).toContainText('Demo Accountant');
  });
});
