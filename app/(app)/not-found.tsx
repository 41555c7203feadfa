import Link from "next/link";

/** Inside the app's frame, so the navigation stays when a record is gone. */
export default function AppNotFound() {
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-zinc-900">Nothing here</h1>
      <p className="mt-2 text-sm text-zinc-600">The page or record does not exist, or it was removed.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline">
        Back to your start page
      </Link>
    </div>
  );
}
