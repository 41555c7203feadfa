import { Badge } from "@/components/ui/badge";

/** The verdict's headline as a badge: its first words say which way the rate went. */
export function VerdictBadge({ verdict }: { verdict: string }) {
  if (verdict.startsWith("Fewer")) return <Badge tone="success">Fewer complaints</Badge>;
  if (verdict.startsWith("More")) return <Badge tone="danger">More complaints</Badge>;
  if (verdict.startsWith("No clear change")) return <Badge tone="warning">No clear change</Badge>;
  if (verdict.startsWith("Withheld")) return <Badge tone="neutral">Withheld: fewer than 5</Badge>;
  return <Badge tone="neutral">Not enough data</Badge>;
}
