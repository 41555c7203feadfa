import { useTranslations } from "next-intl";
import { ListSkeleton } from "@/components/feedback/skeletons";

export default function Loading() {
  const t = useTranslations("remediation");
  return <ListSkeleton label={t("loading")} />;
}
