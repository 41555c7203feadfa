"use client";

import { CalendarDays, ChevronLeft, ChevronRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Popover as P } from "radix-ui";
import { type CSSProperties, type Ref, useEffect, useId, useImperativeHandle, useRef, useState } from "react";
import { DayPicker } from "react-day-picker";
import { enGB, sv } from "react-day-picker/locale";
import "react-day-picker/style.css";
import {
  type DatePrecision,
  type DateTextResult,
  formatDateText,
  isoToLocalDate,
  localDateToIso,
  parseDateText,
} from "@/lib/format/date-text";
import { useFormat } from "@/lib/i18n/hooks";
import { INTL_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { cn } from "@/lib/utils/cn";

const CALENDAR_LOCALE = { en: enGB, sv } as const;
// The calendar's own stylesheet, in the product's colours.
const CALENDAR_COLOURS = {
  "--rdp-accent-color": "var(--color-brand-600)",
  "--rdp-accent-background-color": "var(--color-brand-50)",
  "--rdp-day-height": "2.5rem",
  "--rdp-day-width": "2.5rem",
  "--rdp-day_button-height": "2.375rem",
  "--rdp-day_button-width": "2.375rem",
  fontSize: "0.875rem",
} as CSSProperties;

const fieldClass =
  "w-full rounded-md border border-zinc-300 bg-white pl-3 pr-10 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 focus:border-zinc-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 disabled:bg-zinc-100 aria-[invalid=true]:border-red-500";

export type DateInputProps = {
  /** The text field's id; its label points at it. */
  id: string;
  /** The visible label, also the field's name in its error messages. */
  label: string;
  /** A plain form's field name: a hidden input carries the ISO value under it. */
  name?: string;
  /** "day" (YYYY-MM-DD, the default) or "month" (YYYY-MM). */
  precision?: DatePrecision;
  /** Controlled ISO value ("" for none). */
  value?: string | null;
  /** Uncontrolled start value (ISO). */
  defaultValue?: string | null;
  /**
   * Every edit: the ISO value, "" when emptied, or the text as typed when it is no date (so a form's
   * own validation refuses it too); `valid` tells which.
   */
  onChange?: (value: string, valid: boolean) => void;
  onBlur?: () => void;
  /** Earliest and latest ISO values allowed (the calendar greys out the rest). */
  min?: string;
  max?: string;
  /** An error from the form or the server; the field's own ("not a date") is shown first. */
  error?: string;
  hint?: string;
  disabled?: boolean;
  size?: "sm" | "md";
  className?: string;
  labelClassName?: string;
  /** The label is drawn by the caller (a <label htmlFor={id}> of its own); `label` still names the field in messages. */
  hideLabel?: boolean;
  autoFocus?: boolean;
  /** The text field, for a form library to focus on an error. */
  inputRef?: Ref<HTMLInputElement>;
};

type Problem = { result: Exclude<DateTextResult["kind"], "date" | "empty"> | "tooEarly" | "tooLate"; text: string };

/**
 * A date field in the reader's own format (02/12/2026 in English, 2026-12-02 in Swedish) with a
 * calendar to pick from, by mouse or keyboard (Alt+↓ opens it; arrows, Page Up/Down, Enter inside).
 * Forms get the same ISO value a native date input gives them, so no server code changes.
 */
export function DateInput({
  id,
  label,
  name,
  precision = "day",
  value,
  defaultValue,
  onChange,
  onBlur,
  min,
  max,
  error,
  hint,
  disabled,
  size = "md",
  className,
  labelClassName,
  hideLabel,
  autoFocus,
  inputRef,
}: DateInputProps) {
  const t = useTranslations("dateInput");
  const rawLocale = useLocale();
  const locale: Locale = isLocale(rawLocale) ? rawLocale : "en";
  const format = useFormat();
  const controlled = value !== undefined;
  const [ownValue, setOwnValue] = useState(defaultValue ?? "");
  const current = (controlled ? value : ownValue) ?? "";
  const [text, setText] = useState(() => formatDateText(current, locale, precision));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(inputRef, () => input.current as HTMLInputElement);
  const hintId = useId();
  // An editor opened in place starts in its field.
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  // A value set from outside (a cleared filter, a form reset, another language) rewrites the text,
  // unless the text already says that value (or is the unreadable text the form was handed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only outside changes matter; the text's own edits report themselves.
  useEffect(() => {
    const shown = parseDateText(text, locale, precision);
    const shownValue = shown.kind === "date" ? shown.iso : shown.kind === "empty" ? "" : text;
    if (shownValue !== current) {
      setText(formatDateText(current, locale, precision));
      setProblem(null);
    }
  }, [current, locale, precision]);

  function read(next: string): { value: string; problem: Problem | null } {
    const result = parseDateText(next, locale, precision);
    if (result.kind === "empty") return { value: "", problem: null };
    if (result.kind !== "date") return { value: next, problem: { result: result.kind, text: next.trim() } };
    if (min && result.iso < min) return { value: result.iso, problem: { result: "tooEarly", text: min } };
    if (max && result.iso > max) return { value: result.iso, problem: { result: "tooLate", text: max } };
    return { value: result.iso, problem: null };
  }

  function commit(next: string, show: boolean) {
    setText(next);
    const outcome = read(next);
    setProblem(outcome.problem);
    if (show) setTouched(true);
    if (!controlled) setOwnValue(outcome.value);
    onChange?.(outcome.value, outcome.problem === null);
  }

  const pattern = t(`pattern.${precision}`);
  const shownDate = (iso: string) => (precision === "month" ? format.month(iso) : format.day(iso));
  const ownError =
    problem && touched
      ? problem.result === "unreadable"
        ? t("unreadable", { field: label, text: problem.text, pattern })
        : problem.result === "impossible"
          ? t("impossible", { field: label, text: problem.text })
          : t(problem.result, { field: label, date: shownDate(problem.text) })
      : null;
  const message = ownError ?? error;
  const errorId = `${id}-error`;
  const selected = isoToLocalDate(read(text).problem ? undefined : current || undefined);

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      {hideLabel ? null : (
        <label htmlFor={id} className={cn("text-sm font-medium text-zinc-800", labelClassName)}>
          {label}
        </label>
      )}
      <P.Root open={open} onOpenChange={setOpen}>
        <div className="relative">
          <input
            ref={input}
            id={id}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder={pattern}
            value={text}
            disabled={disabled}
            aria-invalid={message ? true : undefined}
            aria-describedby={[message ? errorId : null, hintId].filter(Boolean).join(" ")}
            className={cn(fieldClass, size === "sm" ? "h-8" : "h-9")}
            onChange={(e) => commit(e.target.value, false)}
            onBlur={() => {
              setTouched(true);
              // A date typed loosely (2/12/2026, 20261202) is shown the reader's way once they move on.
              const result = parseDateText(text, locale, precision);
              if (result.kind === "date") setText(formatDateText(result.iso, locale, precision));
              onBlur?.();
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown" && e.altKey) {
                e.preventDefault();
                setOpen(true);
              } else if (e.key === "Enter") {
                setTouched(true);
              }
            }}
          />
          <P.Trigger asChild>
            <button
              type="button"
              disabled={disabled}
              aria-label={t("openCalendar")}
              className="absolute inset-y-0 right-0 flex w-9 items-center justify-center rounded-r-md text-zinc-500 hover:text-zinc-800 disabled:opacity-50"
            >
              <CalendarDays className="size-4" aria-hidden />
            </button>
          </P.Trigger>
        </div>
        <P.Portal>
          <P.Content
            align="start"
            sideOffset={6}
            collisionPadding={8}
            aria-label={t("calendar")}
            className="z-50 rounded-md border border-zinc-200 bg-white p-2 text-sm shadow-lg"
            // The calendar focuses its chosen day (or today) itself; after a pick, back to the text.
            onOpenAutoFocus={(e) => e.preventDefault()}
            onCloseAutoFocus={(e) => {
              e.preventDefault();
              input.current?.focus();
            }}
          >
            {precision === "month" ? (
              <MonthGrid
                locale={locale}
                selected={current && !problem ? current : undefined}
                min={min}
                max={max}
                onPick={(iso) => {
                  commit(formatDateText(iso, locale, "month"), true);
                  setOpen(false);
                }}
              />
            ) : (
              <DayPicker
                mode="single"
                autoFocus
                locale={CALENDAR_LOCALE[locale]}
                selected={selected}
                defaultMonth={selected ?? isoToLocalDate(max && max < localDateToIso(new Date()) ? max : undefined)}
                captionLayout="dropdown"
                startMonth={isoToLocalDate(min ?? "2000-01-01")}
                endMonth={isoToLocalDate(max ?? "2100-12-31")}
                disabled={[
                  ...(min ? [{ before: isoToLocalDate(min) as Date }] : []),
                  ...(max ? [{ after: isoToLocalDate(max) as Date }] : []),
                ]}
                showOutsideDays
                fixedWeeks
                style={CALENDAR_COLOURS}
                onSelect={(date) => {
                  if (!date) return;
                  commit(formatDateText(localDateToIso(date), locale), true);
                  setOpen(false);
                }}
              />
            )}
          </P.Content>
        </P.Portal>
      </P.Root>
      <span id={hintId} className={hint && !message ? "text-xs text-zinc-500" : "sr-only"}>
        {hint ?? t("format", { pattern })}
      </span>
      {message ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-600">
          {message}
        </p>
      ) : null}
      {name ? <input type="hidden" name={name} value={current} /> : null}
    </div>
  );
}

/** Twelve months of one year to pick from, for month fields. */
function MonthGrid({
  locale,
  selected,
  min,
  max,
  onPick,
}: {
  locale: Locale;
  selected?: string;
  min?: string;
  max?: string;
  onPick: (iso: string) => void;
}) {
  const t = useTranslations("dateInput");
  const startYear = Number((selected ?? max ?? localDateToIso(new Date())).slice(0, 4));
  const [year, setYear] = useState(startYear);
  const names = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: "short", timeZone: "UTC" });
  const minYear = Number((min ?? "2000").slice(0, 4));
  const maxYear = Number((max ?? "2100").slice(0, 4));
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="w-64">
      <div className="mb-2 flex items-center justify-between">
        <button
          type="button"
          aria-label={t("previousYear")}
          disabled={year <= minYear}
          className="rounded p-1 hover:bg-zinc-100 disabled:opacity-40"
          onClick={() => setYear(year - 1)}
        >
          <ChevronLeft className="size-4" aria-hidden />
        </button>
        <span className="font-medium" aria-live="polite">
          {year}
        </span>
        <button
          type="button"
          aria-label={t("nextYear")}
          disabled={year >= maxYear}
          className="rounded p-1 hover:bg-zinc-100 disabled:opacity-40"
          onClick={() => setYear(year + 1)}
        >
          <ChevronRight className="size-4" aria-hidden />
        </button>
      </div>
      <div className="grid grid-cols-3 gap-1">
        {Array.from({ length: 12 }, (_, i) => {
          const iso = `${year}-${String(i + 1).padStart(2, "0")}`;
          const chosen = iso === selected;
          const outside = (min && iso < min.slice(0, 7)) || (max && iso > max.slice(0, 7));
          const focusHere = selected ? chosen : i === 0;
          return (
            <button
              key={iso}
              ref={focusHere ? first : undefined}
              type="button"
              aria-pressed={chosen}
              disabled={Boolean(outside)}
              className={cn(
                "rounded px-2 py-1.5 capitalize hover:bg-zinc-100 disabled:opacity-40",
                chosen && "bg-brand-600 text-white hover:bg-brand-700",
              )}
              onClick={() => onPick(iso)}
            >
              {names.format(new Date(Date.UTC(year, i, 1)))}
            </button>
          );
        })}
      </div>
    </div>
  );
}
