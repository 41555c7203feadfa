import { DashboardSkeleton } from "@/components/feedback/skeletons";

export default function Loading() {
  return <DashboardSkeleton />;
}
