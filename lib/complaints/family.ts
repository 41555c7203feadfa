import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { complaintFamilies, complaints } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";

/**
 * Puts two complaints in one family (the same matter on several routes). When both already have
 * families, the other's members join this one's, so a family is never split by linking.
 */
export async function linkFamilies(tx: Tx, actor: Actor, complaintId: string, otherId: string): Promise<string> {
  if (complaintId === otherId)
    throw refuse("invalid", "complaintRules.ownFamily", { otherReference: "complaintRules.chooseAnotherComplaint" });
  const rows = await tx
    .select({ id: complaints.id, familyId: complaints.familyId })
    .from(complaints)
    .where(inArray(complaints.id, [complaintId, otherId]));
  const self = rows.find((r) => r.id === complaintId);
  const other = rows.find((r) => r.id === otherId);
  if (!self) throw refuse("not_found", "complaintRules.complaintNotFound");
  if (!other)
    throw refuse("invalid", "complaintRules.otherComplaintMissing", {
      otherReference: "complaintRules.noSuchComplaint",
    });
  let familyId = self.familyId ?? other.familyId;
  if (!familyId) {
    const family = first(
      await tx.insert(complaintFamilies).values({ createdBy: actor.userId }).returning({ id: complaintFamilies.id }),
      "inserted complaint families",
    );
    familyId = family.id;
  }
  if (self.familyId && other.familyId && self.familyId !== other.familyId) {
    await tx.update(complaints).set({ familyId }).where(eq(complaints.familyId, other.familyId));
  }
  await tx
    .update(complaints)
    .set({ familyId })
    .where(inArray(complaints.id, [complaintId, otherId]));
  return familyId;
}

/** The complaint a duplicate should point at: never another duplicate, so chains stay one step long. */
export async function originalOf(tx: Tx, complaintId: string): Promise<string> {
  let id = complaintId;
  for (let i = 0; i < 10; i++) {
    const [row] = await tx
      .select({ duplicateOfId: complaints.duplicateOfId })
      .from(complaints)
      .where(eq(complaints.id, id));
    if (!row?.duplicateOfId) return id;
    id = row.duplicateOfId;
  }
  return id;
}
