import type { Channel } from "@/db/schema";
import { must } from "@/lib/must";

type Authority = { channel: Channel; name: string; shortName: string };

/**
 * The four authorities a bank's customers complain to, per market whose authorities are known: the
 * consumer agency, the data-protection authority, the financial supervisor and the disputes board.
 */
export const STARTER_AUTHORITIES: Record<string, Authority[]> = {
  SE: [
    { channel: "consumer_agency", name: "Konsumentverket", shortName: "KOV" },
    {
      channel: "data_protection_authority",
      name: "Integritetsskyddsmyndigheten (formerly Datainspektionen)",
      shortName: "IMY",
    },
    { channel: "financial_supervisor", name: "Finansinspektionen", shortName: "FI" },
    { channel: "disputes_board", name: "Allmänna reklamationsnämnden", shortName: "ARN" },
  ],
  NO: [
    { channel: "consumer_agency", name: "Forbrukertilsynet", shortName: "FT" },
    { channel: "data_protection_authority", name: "Datatilsynet", shortName: "DT" },
    { channel: "financial_supervisor", name: "Finanstilsynet", shortName: "FSA" },
    { channel: "disputes_board", name: "Finansklagenemnda", shortName: "FinKN" },
  ],
  DK: [
    { channel: "consumer_agency", name: "Forbrugerombudsmanden", shortName: "FO" },
    { channel: "data_protection_authority", name: "Datatilsynet", shortName: "DT" },
    { channel: "financial_supervisor", name: "Finanstilsynet", shortName: "FT" },
    { channel: "disputes_board", name: "Pengeinstitutankenævnet", shortName: "PIA" },
  ],
  FI: [
    { channel: "consumer_agency", name: "Kilpailu- ja kuluttajavirasto", shortName: "KKV" },
    { channel: "data_protection_authority", name: "Tietosuojavaltuutetun toimisto", shortName: "TSV" },
    { channel: "financial_supervisor", name: "Finanssivalvonta", shortName: "FIVA" },
    { channel: "disputes_board", name: "Kuluttajariitalautakunta", shortName: "KRIL" },
  ],
  // Svalbard and Jan Mayen are under Norway's authorities.
  get SJ() {
    return must(STARTER_AUTHORITIES.NO, "Norway has starter authorities");
  },
  DE: [
    { channel: "consumer_agency", name: "Verbraucherzentrale Bundesverband", shortName: "vzbv" },
    {
      channel: "data_protection_authority",
      name: "Bundesbeauftragte für den Datenschutz und die Informationsfreiheit",
      shortName: "BfDI",
    },
    { channel: "financial_supervisor", name: "Bundesanstalt für Finanzdienstleistungsaufsicht", shortName: "BaFin" },
    { channel: "disputes_board", name: "Schlichtungsstelle der Deutschen Bundesbank", shortName: "Schlichtung" },
  ],
};

export type StarterDeadline = { ack: number; final: number; finalBusiness: boolean };

/**
 * Default response deadlines per channel: acknowledge in 2 business days; customer service answers
 * in 8 weeks; authorities set their own reply windows, and these are the ones they usually ask for.
 * Norway's disputes board allows four weeks.
 */
export function starterDeadlines(market: string): Record<Channel, StarterDeadline> {
  return {
    customer_service: { ack: 2, final: 56, finalBusiness: false },
    consumer_agency: { ack: 2, final: 21, finalBusiness: false },
    data_protection_authority: { ack: 2, final: 30, finalBusiness: false },
    financial_supervisor: { ack: 2, final: 15, finalBusiness: true },
    disputes_board: { ack: 2, final: market === "NO" ? 28 : 21, finalBusiness: false },
    other_authority: { ack: 3, final: 30, finalBusiness: false },
  };
}
