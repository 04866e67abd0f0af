/**
 * A calendar date known to a year, a month or a day: "2019", "2019-07", "2019-07-15". The source
 * says "juillet 2019", so the graph must not claim 2019-07-01. A partial date stands for the
 * whole period it names: `start` is its first day, `end` its last.
 */
export enum DatePrecision {
  YEAR = "YEAR",
  MONTH = "MONTH",
  DAY = "DAY",
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export class InvalidPartialDate {
  constructor(
    readonly input: unknown,
    readonly reason: string,
  ) {}
}

export class PartialDate {
  private constructor(
    readonly year: number,
    readonly month: number | undefined,
    readonly day: number | undefined,
  ) {}

  /** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; returns why not otherwise. */
  static parse(input: unknown): PartialDate | InvalidPartialDate {
    if (typeof input === "number" && Number.isInteger(input)) input = String(input);
    if (typeof input !== "string") return new InvalidPartialDate(input, "expected a string");
    const match = PATTERN.exec(input.trim());
    if (!match) return new InvalidPartialDate(input, "expected YYYY, YYYY-MM or YYYY-MM-DD");
    const year = Number(match[1]);
    const month = match[2] === undefined ? undefined : Number(match[2]);
    const day = match[3] === undefined ? undefined : Number(match[3]);
    if (year < 1) return new InvalidPartialDate(input, "year 0000 does not exist");
    if (month !== undefined && (month < 1 || month > 12)) {
      return new InvalidPartialDate(input, `month ${match[2]} does not exist`);
    }
    if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
      return new InvalidPartialDate(input, `${year}-${match[2]} has no day ${match[3]}`);
    }
    return new PartialDate(year, month, day);
  }

  /** Parses a value that must be valid (e.g. read back from the database). */
  static from(input: string): PartialDate {
    const parsed = PartialDate.parse(input);
    if (parsed instanceof InvalidPartialDate) throw new RangeError(`Invalid partial date "${input}": ${parsed.reason}`);
    return parsed;
  }

  get precision(): DatePrecision {
    if (this.day !== undefined) return DatePrecision.DAY;
    return this.month !== undefined ? DatePrecision.MONTH : DatePrecision.YEAR;
  }

  /** First day of the period, as an ISO date. */
  get start(): string {
    return isoDate(this.year, this.month ?? 1, this.day ?? 1);
  }

  /** Last day of the period, as an ISO date. */
  get end(): string {
    const month = this.month ?? 12;
    return isoDate(this.year, month, this.day ?? daysInMonth(this.year, month));
  }

  toString(): string {
    const parts = [String(this.year).padStart(4, "0")];
    if (this.month !== undefined) parts.push(String(this.month).padStart(2, "0"));
    if (this.day !== undefined) parts.push(String(this.day).padStart(2, "0"));
    return parts.join("-");
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * Whether `text` is a valid partial date written as `toString` writes it ("2019", "2019-07",
 * "2019-07-15"), so that it stands for itself. The scalar answers such a text as it is, without
 * building a PartialDate: an answer's dates are stored this way, three per relation.
 */
export function isCanonicalPartialDate(text: string): boolean {
  const length = text.length;
  if (length !== 4 && length !== 7 && length !== 10) return false;
  const year = digitsAt(text, 0, 4);
  if (year < 1) return false;
  if (length === 4) return true;
  const month = text.charCodeAt(4) === HYPHEN ? digitsAt(text, 5, 7) : -1;
  if (month < 1 || month > 12) return false;
  if (length === 7) return true;
  const day = text.charCodeAt(7) === HYPHEN ? digitsAt(text, 8, 10) : -1;
  return day >= 1 && day <= daysInMonth(year, month);
}

const HYPHEN = 45;

/** The number the decimal digits text[from..to) write; -1 when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The precision of a stored partial date string, without parsing it twice. */
export function precisionOf(value: string): DatePrecision {
  return PartialDate.from(value).precision;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (as Date.UTC counts them). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
