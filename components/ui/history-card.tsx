import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/hooks";
import { Card, CardContent, CardHeader, CardTitle } from "./card";

/** A record's audit trail as sentences, newest first. */
export function HistoryCard({ entries }: { entries: { id: number; at: string; sentence: string }[] }) {
  const t = useTranslations("complaint");
  const { dateTime } = useFormat();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("cards.history")}</CardTitle>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? <p className="text-sm text-zinc-500">{t("noHistory")}</p> : null}
        <ol aria-label={t("cards.history")} className="flex flex-col gap-2 text-sm">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id}>
              <p>{entry.sentence}</p>
              <p className="text-xs text-zinc-500">{dateTime(entry.at)}</p>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
