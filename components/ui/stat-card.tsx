import type { ReactNode } from "react";
import { Card } from "./card";

/** A headline number with its title, an optional subtitle and detail, and badges below (a region named by the title). */
export function StatCard({
  title,
  subtitle,
  value,
  detail,
  children,
}: {
  title: string;
  subtitle?: string;
  value: string;
  detail: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card className="flex flex-col gap-2 px-5 py-4" aria-label={title}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold text-zinc-900">{title}</h2>
        {subtitle ? <span className="text-xs text-zinc-500">{subtitle}</span> : null}
      </div>
      <p className="text-4xl font-semibold tracking-tight text-zinc-900 tabular-nums">{value}</p>
      {detail ? <p className="text-xs text-zinc-600">{detail}</p> : null}
      {children ? <div className="mt-1 flex flex-wrap gap-2">{children}</div> : null}
    </Card>
  );
}
