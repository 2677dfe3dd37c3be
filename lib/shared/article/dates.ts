/**
 * Publication dates of imported posts. Seed files carry RFC 2822 dates from RSS
 * (`Thu, 18 Aug 2022 09:53:22 GMT`) or bare YAML timestamps (`2021-05-16 04:16:04`), and the
 * library sorts by them, so they are normalised to one ISO 8601 form here. We parse by hand
 * rather than through `Date.parse`, whose non-ISO behaviour differs between engines and which
 * would forget the zone the source wrote.
 */

/** Offsets of the named zones RFC 2822 allows (military letters other than Z are obsolete). */
const NAMED_ZONES: Readonly<Record<string, number>> = {
  GMT: 0,
  UT: 0,
  UTC: 0,
  Z: 0,
  EST: -5 * 60,
  EDT: -4 * 60,
  CST: -6 * 60,
  CDT: -5 * 60,
  MST: -7 * 60,
  MDT: -6 * 60,
  PST: -8 * 60,
  PDT: -7 * 60,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Real zone offsets stay within ±18 h; anything wider is a typo, not a place. */
const MAX_OFFSET_MINUTES = 18 * 60;

/** Longer strings are not dates; bounding them keeps the regexes cheap on hostile input. */
const MAX_DATE_LENGTH = 100;

/** `[Thu, ]18 Aug 2022 09:53[:22] GMT|+0800` (RFC 2822 §3.3, with obsolete 2-digit years). */
const RFC2822 =
  /^(?:([A-Za-z]{3}),?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,3}|[+-]\d{4})?$/;

/** ISO 8601 and YAML timestamps: `2021-05-16 04:16:04`, `2022-08-18T09:53:22.5+08:00`, `2021-05-16`. */
const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?)?$/;

/** The fields of a wall-clock time plus the offset it was written in. */
interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  /** Minutes east of UTC. */
  offset: number;
}

/**
 * Normalises a front-matter `date` value to ISO 8601 (`2022-08-18T09:53:22+08:00`), keeping the
 * offset the source wrote, or `Z` when it wrote none (YAML's rule for zone-less timestamps) or
 * wrote GMT/UT/+0000. Accepts RFC 2822, ISO 8601 / YAML timestamps and valid `Date` objects.
 * Returns `null` for anything else (numbers included: an epoch is too ambiguous to guess), so a
 * bad date costs the article its date, never its import.
 */
export function parsePublished(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : formatUtc(value);
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || text.length > MAX_DATE_LENGTH) return null;
  const parts = parseIsoLike(text) ?? parseRfc2822(text);
  return parts && isValid(parts) ? format(parts) : null;
}

function parseIsoLike(text: string): Parts | null {
  const m = ISO_LIKE.exec(text);
  if (!m) return null;
  const offset = m[8] === undefined ? 0 : parseOffset(m[8]);
  if (offset === null) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millis: m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0')),
    offset,
  };
}

function parseRfc2822(text: string): Parts | null {
  // Comments such as `(PDT)` after the zone are legal RFC 2822 and carry no information.
  const m = RFC2822.exec(text.replace(/\s*\([^()]*\)\s*$/, ''));
  if (!m) return null;
  if (m[1] !== undefined && !DAYS.includes(m[1].toLowerCase())) return null;
  const month = MONTHS.indexOf((m[3] ?? '').toLowerCase()) + 1;
  if (month === 0) return null;
  const offset = m[8] === undefined ? 0 : parseOffset(m[8]);
  if (offset === null) return null;
  const rawYear = m[4] ?? '';
  let year = Number(rawYear);
  // RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx.
  if (rawYear.length === 2) year += year < 50 ? 2000 : 1900;
  return {
    year,
    month,
    day: Number(m[2]),
    hour: Number(m[5]),
    minute: Number(m[6]),
    second: Number(m[7] ?? 0),
    millis: 0,
    offset,
  };
}

/** Minutes east of UTC for `Z`, a named zone, `+0800`, `+08:00` or `-5`; `null` when unknown. */
function parseOffset(zone: string): number | null {
  const named = NAMED_ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[3] ?? 0) > 59 || minutes > MAX_OFFSET_MINUTES) return null;
  return m[1] === '-' ? -minutes : minutes;
}

function isValid(p: Parts): boolean {
  if (p.year < 1 || p.month < 1 || p.month > 12 || p.day < 1) return false;
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  // Day 0 of the next month is the last day of this one (Date.UTC handles leap years).
  const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return p.day <= daysInMonth;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function format(p: Parts): string {
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${p.millis ? `.${pad(p.millis, 3)}` : ''}`;
  return `${date}T${time}${formatOffset(p.offset)}`;
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A `Date` has no zone of its own: render it in UTC, without milliseconds when they are 0. */
function formatUtc(d: Date): string {
  return format({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millis: d.getUTCMilliseconds(),
    offset: 0,
  });
}
