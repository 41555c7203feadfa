import type { Metadata } from "next";
import { connection } from "next/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Zero complaints", template: "%s · Zero complaints" },
  description: "Complaint case management for the zero mission: find the root causes of complaints and remove them.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, so every page carries the nonce the proxy put in its Content-Security-Policy.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <NuqsAdapter>{children}</NuqsAdapter>
        <Toaster position="top-right" richColors closeButton />
      </body>
    </html>
  );
}
