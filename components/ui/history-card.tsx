import { formatDateTime } from "@/lib/complaints/labels";
import { Card, CardContent, CardHeader, CardTitle } from "./card";

/** A record's audit trail as sentences, newest first. */
export function HistoryCard({ entries }: { entries: { id: number; at: string; sentence: string }[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? <p className="text-sm text-zinc-500">No changes recorded yet.</p> : null}
        <ol aria-label="History" className="flex flex-col gap-2 text-sm">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id}>
              <p>{entry.sentence}</p>
              <p className="text-xs text-zinc-500">{formatDateTime(entry.at)}</p>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
