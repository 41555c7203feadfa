/** A market select's options, "All markets" (the empty value) first. */
export function MarketOptions({ markets }: { markets: { code: string; name: string }[] }) {
  return (
    <>
      <option value="">All markets</option>
      {markets.map((m) => (
        <option key={m.code} value={m.code}>
          {m.name}
        </option>
      ))}
    </>
  );
}
