/** The look the app's month charts share: a month axis below, a plain value axis at the left, one tooltip style. */

export const MONTH_AXIS = {
  dataKey: "label",
  tick: { fontSize: 11, fill: "#52525b" },
  tickLine: false,
  axisLine: { stroke: "#d4d4d8" },
  interval: "preserveStartEnd",
  minTickGap: 12,
} as const;

export const VALUE_AXIS = {
  tick: { fontSize: 11, fill: "#52525b" },
  tickLine: false,
  axisLine: false,
  width: 40,
} as const;

export const TOOLTIP_STYLE = {
  labelStyle: { fontWeight: 600 },
  contentStyle: { borderRadius: 8, borderColor: "#e4e4e7", fontSize: 12 },
} as const;

export const GRID = { stroke: "#e4e4e7", strokeDasharray: "3 3", vertical: false } as const;
