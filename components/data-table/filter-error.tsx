import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/** A list page's answer to a link whose filters it cannot read: each bad parameter, and a way back. */
export function FilterError({
  details,
  resetHref,
  resetLabel,
}: {
  details: { path: string; message: string }[];
  resetHref: string;
  resetLabel: string;
}) {
  return (
    <Alert tone="danger">
      <p className="font-medium">This link has filters the list cannot read.</p>
      <ul className="mt-1 list-disc pl-5">
        {details.map((d) => (
          <li key={d.path}>
            <code>{d.path}</code>: {d.message}
          </li>
        ))}
      </ul>
      <Link href={resetHref} className="mt-2 inline-block font-medium underline">
        {resetLabel}
      </Link>
    </Alert>
  );
}
