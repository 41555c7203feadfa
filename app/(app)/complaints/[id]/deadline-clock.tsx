import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ClockPart } from "@/lib/complaints/deadlines";
import { useFormat } from "@/lib/i18n/hooks";

const TONE: Record<ClockPart["state"], "success" | "danger" | "warning" | "info" | "neutral"> = {
  met: "success",
  late: "warning",
  open: "info",
  due_today: "warning",
  overdue: "danger",
  stopped: "neutral",
};

function Part({ title, part }: { title: string; part: ClockPart }) {
  const t = useTranslations("complaint.deadline");
  const { day } = useFormat();
  const days = part.daysLeft ?? 0;
  const label = {
    met: () => t("met", { date: day(part.doneOn) }),
    late: () => t("late", { date: day(part.doneOn) }),
    open: () => t("open", { days }),
    due_today: () => t("dueToday"),
    overdue: () => t("overdue", { days: -days }),
    stopped: () => t("stopped"),
  }[part.state]();
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
      <div>
        <p className="text-sm font-medium text-zinc-900">{title}</p>
        <p className="text-xs text-zinc-500">{t("due", { date: day(part.due) })}</p>
      </div>
      <Badge tone={TONE[part.state]}>{label}</Badge>
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
  const t = useTranslations("complaint.deadline");
  return (
    <section aria-label={t("clock")} className="flex flex-col gap-3">
      <Part title={t("acknowledgement")} part={acknowledge} />
      <Part title={t("finalResponse")} part={finalResponse} />
      <p className="text-xs text-zinc-500">{ruleText}</p>
    </section>
  );
}
