/**
 * Dates at the precision a source supports. The corpus writes `2025`, `2025-05`,
 * `2025-05-07` or an interval `START/END`; readers see "2025", "May 2025",
 * "7 May 2025", "13–24 June 2025". Sorting uses the first day a date can mean, so a
 * month sorts before the days inside it.
 */

export type DatePrecision = 'year' | 'month' | 'day';

export interface DatePoint {
  year: number;
  month?: number; // 1–12
  day?: number;
  precision: DatePrecision;
}

export interface DateSpan {
  start: DatePoint;
  end?: DatePoint;
  /** The original ISO text, for `<time datetime>`. */
  iso: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "January" … "December", for month 1–12. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** A point parsed, or why the text is not one. */
function readPoint(text: string): DatePoint | string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return `"${text}" is not YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${text}" has no month ${month}`;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return `"${text}" is not a calendar date`;
  return { year, month, day, precision: 'day' };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date or `START/END` interval parsed, or, for the corpus validator's report, why it
 * is not one: a malformed or impossible date, or an interval that ends before it starts.
 */
export function readDate(iso: string): DateSpan | string {
  const [a, b, extra] = iso.split('/');
  if (a === undefined || extra !== undefined) return `"${iso}" is not a date or a START/END interval`;
  const start = readPoint(a);
  if (typeof start === 'string') return start;
  if (b === undefined) return { start, iso };
  const end = readPoint(b);
  if (typeof end === 'string') return end;
  if (pointKey(end, 'end') < pointKey(start, 'start')) return `interval "${iso}" starts after it ends`;
  return { start, end, iso };
}

export function parseDate(iso: string): DateSpan | null {
  const span = readDate(iso);
  return typeof span === 'string' ? null : span;
}

/**
 * The span of an event as one ISO interval, from its start's first point to its end's
 * last: the corpus may write either as an interval of its own (a start known only to be
 * 7 or 8 May is `2025-05-07/2025-05-08`), which is not to be read as a third point.
 */
export function eventIso(start: string, end?: string): string {
  if (!end) return start;
  const first = start.split('/')[0]!;
  const last = end.split('/').pop()!;
  return first === last ? first : `${first}/${last}`;
}

/** A number that orders points: yyyymmdd, taking the first (or last) day a point can mean. */
export function pointKey(point: DatePoint, edge: 'start' | 'end' = 'start'): number {
  const month = point.month ?? (edge === 'start' ? 1 : 12);
  const day = point.day ?? (edge === 'start' ? 1 : daysInMonth(point.year, month));
  return point.year * 10000 + month * 100 + day;
}

/**
 * Orders spans chronologically; at the same start, the coarser date first (a year
 * heading its months), then the shorter span.
 */
export function compareSpans(a: DateSpan, b: DateSpan): number {
  const byStart = pointKey(a.start) - pointKey(b.start);
  if (byStart) return byStart;
  const rank = { year: 0, month: 1, day: 2 } as const;
  const byPrecision = rank[a.start.precision] - rank[b.start.precision];
  if (byPrecision) return byPrecision;
  return pointKey(a.end ?? a.start, 'end') - pointKey(b.end ?? b.start, 'end');
}

function formatPoint(p: DatePoint): string {
  if (p.precision === 'year') return String(p.year);
  const month = MONTHS[p.month! - 1]!;
  return p.precision === 'month' ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

/** "7 May 2025", "May 2025", "2025", "13–24 June 2025", "June 2025 – January 2026". */
export function formatSpan(span: DateSpan): string {
  const { start, end } = span;
  if (!end) return formatPoint(start);
  if (start.precision === 'day' && end.precision === 'day' && start.year === end.year) {
    if (start.month === end.month) {
      return start.day === end.day
        ? formatPoint(start)
        : `${start.day}–${end.day} ${MONTHS[start.month! - 1]} ${start.year}`;
    }
    return `${start.day} ${MONTHS[start.month! - 1]} – ${formatPoint(end)}`;
  }
  if (start.precision === 'month' && end.precision === 'month' && start.year === end.year) {
    return `${MONTHS[start.month! - 1]}–${formatPoint(end)}`;
  }
  return `${formatPoint(start)} – ${formatPoint(end)}`;
}

/** Formats ISO text, falling back to the text itself if it does not parse. */
export function formatIsoDate(iso: string): string {
  const span = parseDate(iso);
  return span ? formatSpan(span) : iso;
}
