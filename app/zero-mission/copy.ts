import type { Lang } from "@/lib/metric/labels";

/** The public page's words in Swedish and English. */
export const COPY = {
  sv: {
    title: "Klagomål per miljon köp",
    intro:
      "Vårt nollvisionsmål för klagomål: varje månad publicerar vi antalet klagomål per en miljon köp, i alla kanaler – kundtjänst och myndigheter. Årets siffra är viktad efter antalet köp.",
    year: "År",
    average: "Snitt",
    target: "Mål",
    caption: (market: string) => `Klagomål per miljon köp, ${market}, per månad och år (hela tal)`,
    chartTitle: (market: string) => `Klagomål per miljon köp per månad, ${market}`,
    perMillion: "Per miljon köp",
    restated: "Justerad siffra",
    restatements: "Justeringar",
    restatementLine: (month: string, date: string, from: number | null, to: number | null, reason: string) =>
      `${month}: justerad ${date} från ${from ?? "–"} till ${to ?? "–"}. ${reason}`,
    nothing: "Inga siffror är publicerade ännu för den här marknaden.",
    download: "Ladda ner som CSV",
    market: "Marknad",
    language: "Språk",
    months: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
  },
  en: {
    title: "Complaints per million purchases",
    intro:
      "Our zero mission for complaints: every month we publish the number of complaints per one million purchases, on every channel – customer service and the authorities. The yearly figure is weighted by the number of purchases.",
    year: "Year",
    average: "Average",
    target: "Target",
    caption: (market: string) => `Complaints per million purchases, ${market}, by month and year (whole numbers)`,
    chartTitle: (market: string) => `Complaints per million purchases by month, ${market}`,
    perMillion: "Per million purchases",
    restated: "Restated figure",
    restatements: "Restatements",
    restatementLine: (month: string, date: string, from: number | null, to: number | null, reason: string) =>
      `${month}: restated on ${date} from ${from ?? "–"} to ${to ?? "–"}. ${reason}`,
    nothing: "No figures have been published for this market yet.",
    download: "Download as CSV",
    market: "Market",
    language: "Language",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  },
} satisfies Record<Lang, unknown>;
