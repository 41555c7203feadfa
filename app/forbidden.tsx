import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-20 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-zinc-900">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-zinc-600">
        Your role does not include it. Ask an admin if you need it for your work.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline">
        Back to your start page
      </Link>
    </main>
  );
}
