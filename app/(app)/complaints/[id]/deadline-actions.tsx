"use client";

import { Button } from "@/components/ui/button";
import { useComplaintEdit } from "./edit-context";

/** Stops a deadline's clock by recording when the customer was answered. */
export function DeadlineActions({ acknowledged, responded }: { acknowledged: boolean; responded: boolean }) {
  const { canEdit, save, pending } = useComplaintEdit();
  if (!canEdit || (acknowledged && responded)) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {!acknowledged ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() => save({ acknowledgedAt: new Date().toISOString() })}
        >
          Record acknowledgement
        </Button>
      ) : null}
      {!responded ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() => save({ respondedAt: new Date().toISOString() })}
        >
          Record final response
        </Button>
      ) : null}
    </div>
  );
}
