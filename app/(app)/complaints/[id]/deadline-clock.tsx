import { Badge } from "@/components/ui/badge";
import type { ClockPart } from "@/lib/complaints/deadlines";
import { formatDay } from "@/lib/complaints/labels";

const STATE: Record<
  ClockPart["state"],
  { label: (p: ClockPart) => string; tone: "success" | "danger" | "warning" | "info" | "neutral" }
> = {
  met: { label: (p) => `Done ${formatDay(p.doneOn)}`, tone: "success" },
  late: { label: (p) => `Done late ${formatDay(p.doneOn)}`, tone: "warning" },
  open: { label: (p) => `${p.daysLeft} day${p.daysLeft === 1 ? "" : "s"} left`, tone: "info" },
  due_today: { label: () => "Due today", tone: "warning" },
  overdue: { label: (p) => `Overdue by ${-(p.daysLeft ?? 0)} day${p.daysLeft === -1 ? "" : "s"}`, tone: "danger" },
  stopped: { label: () => "Stopped", tone: "neutral" },
};

function Part({ title, part }: { title: string; part: ClockPart }) {
  const state = STATE[part.state];
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
      <div>
        <p className="text-sm font-medium text-zinc-900">{title}</p>
        <p className="text-xs text-zinc-500">Due {formatDay(part.due)}</p>
      </div>
      <Badge tone={state.tone}>{state.label(part)}</Badge>
    </div>
  );
}

/** Acknowledgement and final-response deadlines; counted from receipt, so status changes never reset them. */
export function DeadlineClock({
  acknowledge,
  finalResponse,
  ruleText,
}: {
  acknowledge: ClockPart;
  finalResponse: ClockPart;
  ruleText: string;
}) {
  return (
    <section aria-label="Deadline clock" className="flex flex-col gap-3">
      <Part title="Acknowledgement" part={acknowledge} />
      <Part title="Final response" part={finalResponse} />
      <p className="text-xs text-zinc-500">{ruleText}</p>
    </section>
  );
}
