"use client";

import type { RowSelectionState, Updater } from "@tanstack/react-table";
import { useEffect, useState } from "react";

/** The rows chosen for a bulk action: some of the page, or every complaint matching the filters. */
export function useListSelection(rowIds: string[]) {
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  // A new page of rows (other filters, another page) starts a new selection.
  const rowKey = rowIds.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rowKey is the trigger, not an input of the effect.
  useEffect(() => {
    setSelection({});
    setAllMatching(false);
  }, [rowKey]);

  const selectedIds = Object.keys(selection).filter((id) => selection[id]);
  return {
    selection,
    selectedIds,
    allMatching,
    pageFullySelected: rowIds.length > 0 && selectedIds.length === rowIds.length,
    setAllMatching,
    onSelectionChange(updater: Updater<RowSelectionState>) {
      setAllMatching(false);
      setSelection((old) => (typeof updater === "function" ? updater(old) : updater));
    },
    toggle(id: string, on: boolean) {
      setAllMatching(false);
      setSelection((old) => ({ ...old, [id]: on }));
    },
    clear() {
      setSelection({});
      setAllMatching(false);
    },
  };
}

export type ListSelection = ReturnType<typeof useListSelection>;
