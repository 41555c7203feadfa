"use client";

import { Field, Input } from "@/components/ui/input";
import { TD, TR } from "@/components/ui/table";
import { renameMarketAction } from "@/lib/taxonomies/actions";
import type { MarketListRow } from "@/lib/taxonomies/queries";
import { renameMarketSchema } from "@/lib/taxonomies/validations";
import { type Column, FormDialog, formatCount, RowActions, RowButton, StatusBadge, TaxonomyTable } from "./taxonomy-ui";

function RenameMarketButton({ market }: { market: MarketListRow }) {
  return (
    <FormDialog
      trigger={<RowButton label={`Rename ${market.code}`}>Rename</RowButton>}
      title={`Rename ${market.name} (${market.code})`}
      description="Only the name people read changes; the code stays, and with it the market's complaints, volumes and published figures."
      schema={renameMarketSchema}
      defaults={{ code: market.code, name: market.name }}
      action={renameMarketAction}
      submitLabel="Save market"
      success={(m) => `${m.code} is now called ${m.name}`}
    >
      {(form) => (
        <Field label="Name" htmlFor="rename-market-name" error={form.formState.errors.name?.message}>
          <Input id="rename-market-name" aria-invalid={!!form.formState.errors.name} {...form.register("name")} />
        </Field>
      )}
    </FormDialog>
  );
}

const COLUMNS: Column[] = [{ label: "Code" }, { label: "Market" }, { label: "Complaints", numeric: true }];

/** Markets are created by imports and the seed; here they can only be renamed. */
export function MarketsPanel({ markets }: { markets: MarketListRow[] }) {
  return (
    <TaxonomyTable
      columns={COLUMNS}
      empty={markets.length === 0 && "No markets yet. An import or the purchase volumes create them."}
    >
      {markets.map((m) => (
        <TR key={m.code} aria-label={`${m.code} ${m.name}`}>
          <TD className="font-mono text-xs">{m.code}</TD>
          <TD className="font-medium text-zinc-900">{m.name}</TD>
          <TD className="text-right tabular-nums">{formatCount(m.complaints)}</TD>
          <TD>
            <StatusBadge active={m.active} />
          </TD>
          <TD>
            <RowActions>
              <RenameMarketButton market={m} />
            </RowActions>
          </TD>
        </TR>
      ))}
    </TaxonomyTable>
  );
}
