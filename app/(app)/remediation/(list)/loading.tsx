import { ListSkeleton } from "@/components/feedback/skeletons";

export default function Loading() {
  return <ListSkeleton label="Loading remediation actions" />;
}
