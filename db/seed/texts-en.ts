import { groupThousands } from "./format";
import type { LanguageTexts } from "./texts";

/** English complaint texts for Norway; some written the way Norwegian customers mix in their own words. */
export const EN_TEXTS: LanguageTexts = {
  scenarios: {
    missed_due_date: {
      summaries: [
        "Missed the due date and was charged a reminder fee",
        "Reminder fee although I never received the invoice",
        "Got purring (reminder) for {product}, did not see the due date",
        "Case sent to inkasso after one missed due date",
        "Want the reminder fee removed",
      ],
      bodies: [
        "I bought from {merchant} on {date} and chose to pay by invoice. The invoice e-mail went to my spam folder and I missed the due date by {days} days. Now I have a reminder fee, which is unfair because I never saw the invoice.",
        "The due date was only shown in the app, not in the e-mail. I paid as soon as I noticed but still got a purring with a fee. Please send an SMS before the due date.",
        "I thought the due date counted from delivery, not from the order. The parcel from {merchant} came {days} days late so I could not pay in time. Now the case went to inkasso and I am worried about my credit score.",
        "I have several purchases on my {product} and it is hard to see which due date belongs to which amount. I paid {amount} but it was not enough and now I got a fee.",
        "Why is there no avtalegiro for invoices? I forget the due date every time and pay fees for nothing.",
      ],
    },
    payment_not_registered: {
      summaries: [
        "Payment not registered, got a reminder",
        "Paid {amount} on time but the invoice shows as unpaid",
        "Payment with wrong KID number not matched",
        "Paid but received a debt collection letter",
      ],
      bodies: [
        "I paid the invoice of {amount} in my nettbank on {date}, two days before the due date. The app still shows it as unpaid and I received a reminder. I have the receipt from my bank.",
        "I typed the wrong KID number when paying for my order from {merchant}. The money has left my account but you have not registered it. It has been {days} days.",
        "I paid by eFaktura from my bank but the payment is not registered. Now I have a letter from inkasso for something I already paid. This is very stressful.",
        "My payment arrived one day after the due date because of the bank's weekend processing. I should not pay a reminder fee for that.",
      ],
    },
    unclear_name: {
      summaries: [
        "Did not understand the Klarna account is a credit",
        "Charged interest on the Klarna account, thought it was a normal account",
        "Want to close an account I did not know I opened",
      ],
      bodies: [
        "At the checkout at {merchant} I chose the Klarna account because I thought it was a normal account to pay from. Now I get a monthly statement with interest and understand it is a credit. The name is misleading.",
        "Nowhere in the checkout did it say clearly that this was a credit account. I want the interest of {amount} removed.",
        "My father (78) got a Klarna account without understanding what it is. He thought he paid directly. Now he has a statement with interest and fees.",
      ],
    },
    unclear_terms: {
      summaries: [
        "Unclear terms for {product}",
        "Did not know about the invoice fee",
        "Interest higher than shown in the checkout",
        "Did not understand how the interest-free period works",
      ],
      bodies: [
        "The checkout at {merchant} said I could split the payment but not what it would cost. Now I pay an invoice fee every month on top of the interest. The terms should be clear before the purchase.",
        "I chose to pay interest-free but did not understand that the whole amount starts to carry interest if I miss one payment. This is far down in the terms.",
        "The effective interest rate shown in the checkout does not match what I pay. Please explain how the interest of {amount} was calculated.",
        "The terms for my {product} are only a long PDF in the app. I cannot find what applies if I want to repay early.",
      ],
    },
    slow_refund: {
      summaries: [
        "Returned the item {days} days ago, no refund",
        "Refund from {merchant} is delayed",
        "Got a reminder although the item was returned",
        "Money for a cancelled order has not come back",
      ],
      bodies: [
        "I returned a jacket to {merchant} on {date} and have proof that the parcel was delivered. It has been {days} days and I still have not got back {amount}. Meanwhile the invoice is still open.",
        "I cancelled my order the same day but the money has not been refunded. The shop says they did their part and sends me to you.",
        "After the return I got a reminder for the full amount. I paused the invoice in the app but the pause ended before {merchant} registered the return.",
        "I have waited over three weeks for a refund of {amount}. Nobody can tell me when the money will come.",
      ],
    },
    credit_decision: {
      summaries: [
        "Instalments declined without explanation",
        "Credit refused despite a good economy",
        "Credit limit lowered without notice",
      ],
      bodies: [
        "I was declined instalments at {merchant} without any explanation. I have a permanent job and no payment remarks. I want to know what information the decision is based on.",
        "The credit limit on my {product} was lowered from NOK 20 000 to NOK 5 000 without any message. I found out when my purchase was declined.",
        "I have shopped with you for years and always paid on time. Suddenly I am refused invoice. Kundeservice cannot explain why.",
      ],
    },
    not_reachable: {
      summaries: [
        "Cannot reach customer service",
        "Waited {days} minutes in the phone queue",
        "Nobody answers my e-mails",
      ],
      bodies: [
        "I tried to call kundeservice three times this week and hung up each time after more than {days} minutes in the queue. I need help with an invoice that is due soon.",
        "I sent an e-mail two weeks ago about a wrong amount and have had no answer, only automatic replies.",
        "Customer service is only open in the daytime when I am at work. There is no help in the evening when the problem happens.",
      ],
    },
    technical_error: {
      summaries: [
        "Charged twice for one purchase",
        "Checkout froze but the money was taken",
        "The app shows the wrong amount on the invoice",
      ],
      bodies: [
        "When paying at {merchant} the checkout froze and I pressed pay again. Now {amount} has been taken twice from my account.",
        "My bank says the payment went through but {merchant} says the order never arrived. The money is reserved and I cannot use it.",
        "I could not log in with BankID in the app for several days and so could not see when the invoice was due.",
      ],
    },
    merchant_issue: {
      summaries: [
        "Item never delivered but I have to pay",
        "Shop does not answer, want to dispute the purchase",
        "Shop went bankrupt, invoice still open",
      ],
      bodies: [
        "I ordered from {merchant} on {date} but never got anything. The shop does not answer e-mails and now I have an invoice of {amount}. I will not pay for something I did not receive.",
        "I got the wrong size and the shop refuses to take the return. Please pause the invoice until this is solved.",
        "The parcel was damaged on delivery and {merchant} has not answered my reklamasjon in {days} days.",
      ],
    },
    privacy: {
      summaries: [
        "Request for a copy of my personal data",
        "Want you to delete my data",
        "Receiving marketing although I said no",
      ],
      bodies: [
        "I asked for a copy of my personal data under the GDPR on {date} and have had no answer after {days} days.",
        "I have paid all my purchases and want you to delete my personal data. I have had no confirmation.",
        "I still receive marketing by e-mail and SMS although I said no in the app.",
      ],
    },
  },
  openings: ["Hi,", "Hello Klarna,", "Hei!", "", ""],
  closings: ["I expect an answer soon.", "Thank you for a quick reply.", "Regards", "", "", "Mvh"],
  authorityIntros: {
    consumer_agency: ["Complaint received through Forbrukertilsynet. The consumer writes:"],
    disputes_board: [
      "Finansklagenemnda asks for the company's statement. The consumer claims the fees be cancelled and writes:",
    ],
    financial_supervisor: ["Complaint to Finanstilsynet, forwarded to the company for an answer:"],
    data_protection_authority: ["Datatilsynet has forwarded a complaint under the GDPR:"],
  },
  familyLines: [
    "The consumer complained to customer service earlier without getting a satisfying answer.",
    "I already complained to you but the answer did not solve anything.",
  ],
  personalData: [
    "You can reach me at {phone} or {email}.",
    "Please refund to my account {iban}.",
    "My e-mail is {email}.",
    "The card I paid with is {card}.",
    "Call me on {phone}.",
  ],
  question: {
    summaries: ["Question about changing my address", "Need a copy of the invoice"],
    bodies: [
      "Hi, I have moved and wonder how to change my address with you. Not a complaint, only a question.",
      "Can you send a copy of the invoice for my order at {merchant}? I need it for my records.",
    ],
  },
  test: {
    summaries: ["TEST – ignore"],
    bodies: ["Test case created while training new customer service staff. Not to be counted."],
  },
  products: {
    Faktura: "invoice",
    "Klarna delbetalningskonto": "Klarna account",
    "Fast delbetalning": "instalment plan",
    Direktbetalning: "direct payment",
    Kortbetalning: "card payment",
    "Klarna Card": "Klarna Card",
    none: "invoice",
  },
  renamedAccount: "Klarna account",
  months: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  merchants: ["Fjellutstyr", "Nordlys Mote", "Elektrohuset", "Bokhuset Vest", "Hjem og Hage", "Lekeland"],
  currency: (amount) => `NOK ${groupThousands(amount)}`,
};
