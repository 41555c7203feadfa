import { NextResponse } from "next/server";
import { databaseAnswers, runnerHealth } from "@/lib/jobs/health";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await databaseAnswers())) {
    return NextResponse.json(
      { error: { code: "unavailable", message: "The database does not answer", details: null } },
      { status: 503 },
    );
  }
  // The runner's state is reported, not required: the web answers while a worker is being deployed.
  const jobs = await runnerHealth().catch(() => null);
  return NextResponse.json({ status: "ok", database: "up", jobs });
}
