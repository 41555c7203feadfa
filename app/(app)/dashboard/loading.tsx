import { useTranslations } from "next-intl";
import { DashboardSkeleton } from "@/components/feedback/skeletons";

export default function Loading() {
  const t = useTranslations("dashboard");
  return <DashboardSkeleton label={t("loading")} />;
}
