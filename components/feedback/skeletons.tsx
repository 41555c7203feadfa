/** Grey placeholders in the shape of what is loading, so the page does not jump when it arrives. */
function Bar({ className }: { className: string }) {
  return <div className={`animate-pulse rounded bg-zinc-200 ${className}`} />;
}

export function HeaderSkeleton() {
  return (
    <div className="mb-6 space-y-2">
      <Bar className="h-7 w-56" />
      <Bar className="h-4 w-96 max-w-full" />
    </div>
  );
}

export function ListSkeleton({ label, rows = 10 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" aria-label={label}>
      <HeaderSkeleton />
      <div className="mb-4 flex gap-2">
        <Bar className="h-9 w-64" />
        <Bar className="h-9 w-28" />
        <Bar className="h-9 w-28" />
      </div>
      <div className="rounded-lg border border-zinc-200 bg-white">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex gap-4 border-b border-zinc-100 px-4 py-3 last:border-0">
            <Bar className="h-4 w-24" />
            <Bar className="h-4 flex-1" />
            <Bar className="h-4 w-20" />
            <Bar className="h-4 w-16" />
          </div>
        ))}
      </div>
      <span className="sr-only">{label}</span>
    </div>
  );
}

export function DashboardSkeleton({ label = "Loading the dashboard" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-label={label}>
      <HeaderSkeleton />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {["a", "b", "c", "d"].map((key) => (
          <div key={key} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5">
            <Bar className="h-4 w-24" />
            <Bar className="h-8 w-20" />
          </div>
        ))}
      </div>
      <div className="mt-6 rounded-lg border border-zinc-200 bg-white p-5">
        <Bar className="h-64 w-full" />
      </div>
      <span className="sr-only">{label}</span>
    </div>
  );
}
