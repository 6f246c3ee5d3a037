import { describe, expect, it } from 'vitest';
import { bookXixWaitingPeriod, dutchFourteenDayTerm, estimatedDutchLetterDelivery, LEGAL_GATES } from './legal-gates.js';
import { BOOK_XIX_REMINDER_FEE_CAP, CLAIM_LAW, FIXED_COMPENSATION } from './claim-law.js';

describe('Book XIX waiting period (reference.md §3)', () => {
  it('starts on the third working day after a letter is posted: Mon 2 Dec 2024 → 5–18 Dec, claims from 19 Dec', () => {
    expect(bookXixWaitingPeriod('2024-12-02', 'letter')).toEqual({
      startsOn: '2024-12-05',
      endsOn: '2024-12-18',
      claimableFrom: '2024-12-19',
    });
  });

  it('starts the day after an e-mail: 2 Dec 2024 → 3–16 Dec, claims from 17 Dec', () => {
    expect(bookXixWaitingPeriod('2024-12-02', 'email')).toEqual({
      startsOn: '2024-12-03',
      endsOn: '2024-12-16',
      claimableFrom: '2024-12-17',
    });
  });

  it('skips Belgian public holidays when counting working days (21 July)', () => {
    // Posted Friday 18 July 2025; Mon 21 July is the national holiday: Tue 22, Wed 23, Thu 24.
    expect(bookXixWaitingPeriod('2025-07-18', 'registered-letter')?.startsOn).toBe('2025-07-24');
  });

  it('refuses a phone call as the free reminder: it is not a durable medium', () => {
    expect(bookXixWaitingPeriod('2024-12-02', 'phone-task')).toBeUndefined();
  });

  it('labels the day-1 reading as unconfirmed', () => {
    expect(LEGAL_GATES['book-xix-waiting-period'].unconfirmed?.length).toBeGreaterThan(0);
  });
});

describe('Dutch 14-day letter (reference.md §2, HR 25-11-2016)', () => {
  it('assumes delivery on the 2nd day after posting, not counting Sundays and Mondays', () => {
    expect(estimatedDutchLetterDelivery('2025-03-07')).toBe('2025-03-11'); // Fri → Sat (1), Tue (2)
    expect(estimatedDutchLetterDelivery('2025-03-04')).toBe('2025-03-06'); // Tue → Wed, Thu
  });

  it('does not count Dutch public holidays, even on a Saturday (Koningsdag 2024 was Saturday 27 April)', () => {
    // Posted Thu 25 April 2024: Fri 26 (1), Sat 27 Koningsdag no, Sun/Mon no, Tue 30 (2).
    expect(estimatedDutchLetterDelivery('2024-04-25')).toBe('2024-04-30');
  });

  it('counts 14 days from the day after delivery; BIK from the 15th day', () => {
    expect(dutchFourteenDayTerm('2025-03-07', 'letter')).toEqual({
      deliveredOn: '2025-03-11',
      deliveryEstimated: true,
      startsOn: '2025-03-12',
      endsOn: '2025-03-25',
      claimableFrom: '2025-03-26',
    });
  });

  it('uses the recorded delivery day when there is one', () => {
    const term = dutchFourteenDayTerm('2025-03-07', 'registered-letter', '2025-03-14');
    expect(term).toMatchObject({ deliveredOn: '2025-03-14', deliveryEstimated: false, endsOn: '2025-03-28', claimableFrom: '2025-03-29' });
  });

  it('assumes an e-mail is received the day it is sent, and refuses a phone call', () => {
    expect(dutchFourteenDayTerm('2025-03-07', 'email')?.claimableFrom).toBe('2025-03-22');
    expect(dutchFourteenDayTerm('2025-03-07', 'phone-task')).toBeUndefined();
  });

  it('rejects a broken date naming the field', () => {
    expect(() => dutchFourteenDayTerm('2025-02-30', 'letter')).toThrow(/sentOn: "2025-02-30" does not exist/);
  });
});

describe('claim law figures', () => {
  it('€40 fixed compensation per invoice (Directive 2011/7/EU art. 6, reference.md §1.1)', () => {
    expect(FIXED_COMPENSATION.amount).toBe('40.00');
  });
  it('Book XIX reminder fee at most €7.50 plus postage (reference.md §3)', () => {
    expect(BOOK_XIX_REMINDER_FEE_CAP).toMatchObject({ amount: '7.50', plusPostage: true });
  });
  it('forbids BIK in Belgium, €40 towards consumers and a separate €40 in the Netherlands', () => {
    expect(CLAIM_LAW.BE.business.bik.allowed).toBe(false);
    expect(CLAIM_LAW.BE.consumer['fixed-compensation'].allowed).toBe(false);
    expect(CLAIM_LAW.NL.business['fixed-compensation'].allowed).toBe(false);
    expect(CLAIM_LAW.NL.consumer['reminder-fee'].allowed).toBe(false);
    expect(CLAIM_LAW.NL.consumer.bik.allowed).toBe(true);
  });
});
