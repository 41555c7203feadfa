import { groupThousands } from "./format";
import type { LanguageTexts } from "./texts";

/** Swedish complaint texts, written the way customers write to customer service. */
export const SV_TEXTS: LanguageTexts = {
  scenarios: {
    missed_due_date: {
      summaries: [
        "Missade förfallodatumet och fick påminnelseavgift",
        "Påminnelseavgift trots att jag aldrig såg fakturan",
        "Förstod inte vilket förfallodatum som gällde ({product})",
        "Ärendet gick till inkasso, missade förfallodatumet",
        "Fakturan hamnade i skräpposten, missade förfallodatum",
        "Vill att påminnelseavgiften tas bort",
      ],
      bodies: [
        "Jag handlade hos {merchant} den {date} och valde att betala med faktura. Fakturan hamnade i skräpposten och jag missade förfallodatumet med {days} dagar. Nu har jag fått en påminnelseavgift på 60 kr, vilket känns orimligt eftersom jag aldrig såg fakturan.",
        "Förfallodatumet på min faktura från {merchant} stod bara i appen och inte i mejlet. Jag betalade så fort jag upptäckte det men fick ändå en påminnelse. Det borde gå att få ett sms innan förfallodatumet.",
        "Jag trodde att förfallodatumet räknades från leveransen och inte från köpet. Varan från {merchant} kom {days} dagar efter beställningen, så jag hann inte betala i tid. Nu har ärendet gått till inkasso och jag är orolig för min kreditvärdighet.",
        "Jag har flera köp som betalas med {product} och det är svårt att se vilket förfallodatum som gäller för vilket belopp. Jag betalade {amount} men det räckte inte och nu har jag fått en avgift.",
        "Jag var utomlands och kunde inte betala innan förfallodatumet. Jag bad om anstånd via chatten men fick inget svar. Kan ni ta bort avgiften?",
        "Varför finns det inte autogiro för fakturor? Jag glömmer förfallodatumet varje gång och betalar avgifter i onödan.",
      ],
    },
    payment_not_registered: {
      summaries: [
        "Betalningen är inte registrerad, har fått påminnelse",
        "Betalade {amount} i tid men fakturan står som obetald",
        "Inbetalning med fel OCR-nummer har inte matchats",
        "Har betalat men fått inkassokrav",
      ],
      bodies: [
        "Jag betalade fakturan på {amount} via internetbanken den {date}, två dagar före förfallodatumet. Trots det står den som obetald i appen och jag har fått en påminnelse. Jag har kvitto från banken.",
        "Jag råkade skriva fel OCR-nummer när jag betalade mitt köp från {merchant}. Pengarna har dragits från mitt konto men betalningen syns inte hos er. Det har gått {days} dagar.",
        "Jag betalade via min banks e-faktura men betalningen har inte registrerats. Nu får jag ett inkassokrav för något jag redan har betalat. Det är mycket stressande.",
        "Min betalning kom in en dag efter förfallodatumet på grund av bankens helgrutiner. Jag tycker inte att jag ska behöva betala påminnelseavgift för det.",
      ],
    },
    unclear_name: {
      summaries: [
        "Förstod inte att Klarna konto är en kredit",
        "Fick ränta på Klarna konto, trodde det var ett vanligt konto",
        "Klarna konto lät som ett bankkonto, inte delbetalning",
        "Vill avsluta Klarna konto som jag inte förstod att jag öppnade",
      ],
      bodies: [
        "När jag handlade hos {merchant} valde jag Klarna konto eftersom jag trodde att det var ett vanligt konto att betala från. Nu har jag fått en månadsfaktura med ränta och förstår att det är en kredit. Namnet är vilseledande.",
        "Jag trodde att Klarna konto var ett betalkonto kopplat till min bank. Ingenstans i kassan stod det tydligt att det var ett delbetalningskonto. Jag vill att räntan på {amount} stryks.",
        "Min pappa på 78 år har fått ett Klarna konto utan att förstå vad det är. Han trodde att han betalade direkt. Nu har han fått en avi med ränta och avgifter.",
        "Jag har fått en kreditupplysning registrerad för ett Klarna konto som jag inte visste att jag ansökte om. Det borde stå kredit eller delbetalning i namnet.",
      ],
    },
    unclear_terms: {
      summaries: [
        "Otydliga villkor för {product}",
        "Visste inte att det tillkom aviavgift",
        "Räntan var högre än vad som visades i kassan",
        "Förstod inte hur den räntefria perioden fungerar",
      ],
      bodies: [
        "I kassan hos {merchant} stod det att jag kunde dela upp betalningen, men inte vad det kostade. Nu har jag fått en aviavgift på 29 kr varje månad utöver räntan. Villkoren borde stå tydligt innan köpet.",
        "Jag valde att betala räntefritt men förstod inte att hela beloppet började löpa med ränta när jag missade en betalning. Det står långt ner i villkoren.",
        "Den effektiva räntan som visades i kassan stämmer inte med det jag betalar. Jag vill ha en förklaring till hur räntan på {amount} är beräknad.",
        "Villkoren för {product} finns bara som en lång PDF i appen. Jag hittar inte vad som gäller när jag vill lösa krediten i förtid.",
      ],
    },
    slow_refund: {
      summaries: [
        "Returnerade varan för {days} dagar sedan, ingen återbetalning",
        "Återbetalningen från {merchant} dröjer",
        "Har fått påminnelse fast varan är returnerad",
        "Pengarna för avbeställt köp har inte kommit tillbaka",
      ],
      bodies: [
        "Jag returnerade en jacka till {merchant} den {date} och har kvitto på att paketet är levererat. Det har nu gått {days} dagar och jag har fortfarande inte fått tillbaka {amount}. Samtidigt gäller fakturan fortfarande.",
        "Jag avbeställde mitt köp samma dag men pengarna har inte återbetalats. Butiken säger att de har gjort sin del och hänvisar till er.",
        "Efter returen fick jag en påminnelse på hela beloppet. Jag pausade fakturan i appen men pausen gick ut innan {merchant} registrerade returen.",
        "Jag har väntat i över tre veckor på en återbetalning på {amount}. Ingen kan ge mig besked om när pengarna kommer.",
      ],
    },
    credit_decision: {
      summaries: [
        "Nekad delbetalning utan förklaring",
        "Fick avslag på kredit trots god ekonomi",
        "Kreditgränsen sänktes utan besked",
        "Vill veta varför min ansökan avslogs",
      ],
      bodies: [
        "Jag fick nej på delbetalning i kassan hos {merchant} utan någon förklaring. Jag har fast anställning och inga betalningsanmärkningar. Jag vill veta vilka uppgifter beslutet grundar sig på.",
        "Kreditgränsen för {product} sänktes från 20 000 kr till 5 000 kr utan att jag fick något meddelande. Jag upptäckte det först när köpet nekades.",
        "Jag har handlat med er i flera år och alltid betalat i tid. Nu nekas jag faktura helt plötsligt. Kundtjänst kan inte förklara varför.",
        "Jag fick avslag men en kreditupplysning togs ändå. Det påverkar min möjlighet att få bolån.",
      ],
    },
    not_reachable: {
      summaries: [
        "Kommer inte fram till kundtjänst",
        "Väntade {days} minuter i telefonkö",
        "Ingen svarar på mina mejl",
        "Chatten stängs innan jag fått hjälp",
      ],
      bodies: [
        "Jag har försökt ringa kundtjänst tre gånger den här veckan och varje gång lagt på efter mer än {days} minuter i kö. Jag behöver hjälp med en faktura som förfaller snart.",
        "Jag skickade ett mejl för två veckor sedan om ett felaktigt belopp och har inte fått något svar. Det enda jag får är automatiska svar.",
        "Kundtjänst har bara öppet dagtid när jag själv arbetar. Det går inte att få hjälp på kvällen när problemet uppstår.",
        "Chatten i appen kopplas bort innan jag hunnit förklara mitt ärende. Jag har fått börja om från början fyra gånger.",
      ],
    },
    technical_error: {
      summaries: [
        "Köpet drogs två gånger",
        "Kassan hängde sig men pengarna drogs",
        "Appen visar fel belopp på fakturan",
        "Direktbetalningen misslyckades men beloppet reserverades",
      ],
      bodies: [
        "När jag betalade hos {merchant} hängde sig kassan och jag tryckte på betala igen. Nu har {amount} dragits två gånger från mitt konto.",
        "Betalningen gick igenom enligt min bank men {merchant} säger att ordern aldrig kom fram. Pengarna är reserverade och jag kan inte använda dem.",
        "Appen visar att jag är skyldig {amount} men enligt fakturan i mejlet är det ett annat belopp. Vilket gäller?",
        "Jag kunde inte logga in med BankID i appen på flera dagar och kunde därför inte se när fakturan skulle betalas.",
      ],
    },
    merchant_issue: {
      summaries: [
        "Varan har aldrig levererats men jag måste betala",
        "Butiken svarar inte, vill bestrida köpet",
        "Fel vara levererad från {merchant}",
        "Butiken har gått i konkurs, fakturan kvarstår",
      ],
      bodies: [
        "Jag beställde från {merchant} den {date} men har aldrig fått någon vara. Butiken svarar inte på mejl och nu har jag fått en faktura på {amount}. Jag vill inte betala för något jag inte fått.",
        "Jag fick fel storlek och butiken vägrar ta emot returen. Jag vill att ni pausar fakturan tills detta är löst.",
        "Butiken gick i konkurs innan varan skickades. Jag förstår inte varför jag ska betala till er.",
        "Paketet var skadat vid leveransen och {merchant} har inte svarat på min reklamation på {days} dagar.",
      ],
    },
    privacy: {
      summaries: [
        "Begär ut mina personuppgifter",
        "Vill att ni raderar mina uppgifter",
        "Får marknadsföring trots att jag tackat nej",
        "Har inte fått svar på mitt registerutdrag",
      ],
      bodies: [
        "Jag begärde ett registerutdrag enligt dataskyddsförordningen den {date} och har inte fått något svar efter {days} dagar.",
        "Jag har betalat alla mina köp och vill att ni raderar mina personuppgifter. Jag har inte fått någon bekräftelse.",
        "Jag får fortfarande marknadsföring via mejl och sms från er trots att jag har tackat nej i appen.",
        "Jag vill veta vilka uppgifter ni har delat med {merchant} och med kreditupplysningsföretag.",
      ],
    },
  },
  openings: ["Hej!", "Hej,", "Hej Klarna,", "", "", "Jag vill framföra ett klagomål."],
  closings: [
    "Jag vill ha ett svar snarast.",
    "Tacksam för snabb återkoppling.",
    "Mvh",
    "",
    "",
    "Om jag inte får svar kommer jag att vända mig till Konsumentverket.",
  ],
  authorityIntros: {
    consumer_agency: ["Anmälan via Konsumentverket, vidarebefordrad till bolaget. Konsumenten skriver:"],
    disputes_board: [
      "ARN begär bolagets yttrande. Konsumenten yrkar att avgifterna stryks och anför:",
      "Allmänna reklamationsnämnden har tagit upp ärendet till prövning. Konsumenten anför:",
    ],
    financial_supervisor: ["Klagomål till Finansinspektionen, överlämnat till bolaget för kännedom och svar:"],
    data_protection_authority: ["IMY har överlämnat ett klagomål enligt dataskyddsförordningen:"],
  },
  familyLines: [
    "Konsumenten har tidigare klagat till kundtjänst utan att bli nöjd med svaret.",
    "Jag har redan klagat hos er men fick ett svar som inte löste något.",
  ],
  personalData: [
    "Mitt personnummer är {pnr}.",
    "Ni når mig på {phone} eller {email}.",
    "Återbetala gärna till mitt konto {iban}.",
    "Personnummer {pnr}, mejl {email}.",
    "Kortet jag betalade med har nummer {card}.",
    "Ring mig på {phone}.",
  ],
  question: {
    summaries: ["Fråga om hur jag ändrar min adress", "Vill ha en kopia av fakturan", "Hur pausar jag en faktura?"],
    bodies: [
      "Hej, jag har flyttat och undrar hur jag ändrar min adress hos er. Inget klagomål, bara en fråga.",
      "Kan ni skicka en kopia av fakturan för mitt köp hos {merchant}? Jag behöver den till min deklaration.",
      "Hur gör jag för att pausa en faktura när jag har returnerat en vara?",
    ],
  },
  test: {
    summaries: ["TEST – ignorera", "Testärende utbildning kundtjänst"],
    bodies: ["Testärende skapat under utbildning av nya medarbetare i kundtjänst. Ska inte räknas."],
  },
  products: {
    Faktura: "faktura",
    "Klarna delbetalningskonto": "Klarna konto",
    "Fast delbetalning": "delbetalning",
    Direktbetalning: "direktbetalning",
    Kortbetalning: "kortbetalning",
    "Klarna Card": "Klarna Card",
    none: "faktura",
  },
  renamedAccount: "delbetalningskonto",
  months: [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
  ],
  merchants: [
    "Modehuset Nord",
    "Elektronikkedjan",
    "Skobutiken.se",
    "Hem & Trädgård",
    "Sportfabriken",
    "Bokhörnan",
    "Leksakslagret",
    "Nordic Outdoor",
  ],
  currency: (amount) => `${groupThousands(amount)} kr`,
};
