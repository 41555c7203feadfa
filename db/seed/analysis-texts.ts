import type { RootCauseName } from "./reference";

/** What the expert team wrote while deep-analysing: findings and a 5-whys chain per root cause. */
export const ANALYSES: Record<RootCauseName, { findings: string; whys: string[] }[]> = {
  "Unclear product name": [
    {
      findings:
        'The customer chose "Klarna konto" believing it was a payment account, not credit. The checkout shows the name without the word credit.',
      whys: [
        "The customer did not expect interest on the statement.",
        "They did not know the purchase was placed on a credit account.",
        'The checkout option was labelled "Klarna konto".',
        '"Konto" reads as a bank account in Swedish.',
        "The product name was chosen for brevity, never tested with customers.",
      ],
    },
  ],
  "Missed due date": [
    {
      findings:
        "Invoice sent by e-mail only; the customer did not open it before the due date. No reminder before the due date, only after.",
      whys: [
        "The customer was charged a reminder fee.",
        "They paid after the due date.",
        "They did not notice the due date.",
        "The only notice was an e-mail that went unread.",
        "There is no automatic payment option and no pre-due-date reminder.",
      ],
    },
    {
      findings:
        "Several open purchases with different due dates; the customer paid the total of the wrong one. App users rarely show this pattern.",
      whys: [
        "The customer paid too little.",
        "They paid the amount of an older invoice.",
        "The statement lists purchases, not what is due when.",
        "Due dates are per purchase, not per month.",
        "Invoices were designed per purchase before customers had many at once.",
      ],
    },
  ],
  "Unclear terms": [
    {
      findings: "Monthly invoice fee not shown in the checkout summary, only in the full terms.",
      whys: [
        "The customer disputes the invoice fee.",
        "They did not know there was one.",
        "The checkout summary shows the interest rate but not the fee.",
        "The summary template predates the fee.",
        "Nobody owns keeping checkout copy in line with pricing.",
      ],
    },
  ],
  "Slow refund": [
    {
      findings:
        "Merchant registered the return 19 days after delivery; the invoice pause expired after 14 days and a reminder was sent.",
      whys: [
        "The customer got a reminder for a returned item.",
        "The invoice pause ran out.",
        "The merchant had not yet registered the return.",
        "The merchant registers returns in weekly batches.",
        "The pause length does not follow the merchant's return handling time.",
      ],
    },
  ],
  "Payment not registered": [
    {
      findings: "Payment made with a mistyped OCR number; it sat in the unmatched queue for 12 days.",
      whys: [
        "The customer got a reminder after paying.",
        "The payment was not matched to the invoice.",
        "The OCR number was wrong.",
        "The bank accepted a reference that fails our check.",
        "Unmatched payments are worked manually once a week.",
      ],
    },
  ],
  "Credit decision not explained": [
    {
      findings: "Decline driven by a new external credit data field; the decline message is generic.",
      whys: [
        "The customer complained about an unexplained decline.",
        "The message said only that the purchase could not be approved.",
        "The decision engine returns no reason code to the checkout.",
        "Reason codes were left out to keep the checkout simple.",
        "Nobody weighed that against the customer's right to an explanation.",
      ],
    },
  ],
  "Service not reachable": [
    {
      findings: "Customer called after 18:00 three evenings in a row; phone lines were closed.",
      whys: [
        "The customer could not get help.",
        "They called outside opening hours.",
        "They work during our opening hours.",
        "Customer service was staffed for office hours only.",
        "Staffing was planned on call volume, not on when problems arise.",
      ],
    },
  ],
  "Technical error": [
    {
      findings: "Checkout timeout during a peak; the retry created a second authorisation that was not voided.",
      whys: [
        "The customer was charged twice.",
        "Two authorisations were captured.",
        "The customer retried after a timeout.",
        "The first request had succeeded but its answer timed out.",
        "Retries are not idempotent in this integration.",
      ],
    },
  ],
  "Merchant issue": [
    {
      findings: "Merchant stopped answering customers during a stock shortage; invoices kept running.",
      whys: [
        "The customer was asked to pay for an undelivered item.",
        "The merchant did not deliver or answer.",
        "The merchant had sold items it did not have in stock.",
        "Merchant delivery performance is not monitored.",
        "Onboarding checks the merchant once, not continuously.",
      ],
    },
  ],
};

export const TAG_NOTES = [
  "Clear case, same pattern as the rest of this category.",
  "Secondary cause is debatable; discussed in the weekly review.",
  "Confirmed with the customer by phone.",
  "Merchant confirmed their part.",
  "Logs checked, matches the customer's account.",
];

export const COMMENTS = [
  "Called the customer and explained; they accept the answer.",
  "Reminder fee reversed as a goodwill gesture.",
  "Asked the merchant for the return date, waiting for an answer.",
  "Same pattern as several other cases this month; worth a look in the root-cause review.",
  "Customer sent the bank receipt; payment found in the unmatched queue.",
  "Can product comment on whether the checkout copy has changed since?",
  "Escalated to the team lead because of the authority deadline.",
  "Checked the app logs: the customer did not have push notifications on.",
];

export const EXCLUSION_NOTES = {
  duplicate: "Excluded: the same complaint was registered twice.",
  not_a_complaint: "Excluded: a question, not a complaint.",
  test: "Excluded: test entry.",
} as const;
