/**
 * The one validation of knowledge records: the import runs every line through it, and the
 * mutations will run their inputs through it, so a fact refused by one is refused by the other.
 * Pure functions (no I/O), hand-written rather than class-validator because the import checks
 * a million records in seconds. Each issue names the field path ("references[1].quotes[0]").
 */
import { CurrencyResolver, LocaleResolver } from "graphql-scalars";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, describeValue } from "../common/validation";
import { InvalidPartialDate, PartialDate } from "../common/partial-date";
import { EntityKind } from "../entity/entity-kind.enum";
import { ALL_AMOUNT_MEASURES, type AmountMeasure } from "../relation/amount-measure.enum";
import { RelationStatus } from "../relation/relation-status.enum";
import { ALL_RELATION_TYPES, type RelationType } from "../relation/relation-type.enum";
import {
  AMOUNT_FIELDS,
  PARTICIPANT_FIELDS,
  RECORD_FIELDS,
  REFERENCE_FIELDS,
  type AmountFacts,
  type EntityFacts,
  type EventFacts,
  type KnowledgeRecord,
  type ParticipantFacts,
  type RecordKind,
  type ReferenceFacts,
  type ReferenceRecord,
  type RelationFacts,
  type SourceFacts,
} from "./knowledge.records";

export interface Issue {
  /** Where in the record: "amount.currency", "references[0].quotes[2]"; "" for the record itself. */
  readonly path: string;
  readonly message: string;
}

/**
 * A checked record. When not ok, `record` still holds what could be read (bad fields left
 * empty), so the caller can check its links and quotes too and report every mistake at once.
 */
export type Checked<T> =
  { readonly ok: true; readonly record: T } | { readonly ok: false; readonly issues: Issue[]; readonly record?: T };

/** What reference checks need to know of the sources: undefined for an unknown id, null for a source without text. */
export type SourceTextLookup = (sourceId: string) => string | null | undefined;

const TEXT_MAX_LENGTH = 10_000;
const SOURCE_TEXT_MAX_LENGTH = 5_000_000;
const MAX_LIST = 100;
const RECORD_KINDS = Object.keys(RECORD_FIELDS) as RecordKind[];
const ENTITY_KINDS = Object.values(EntityKind) as string[];
const STATUSES = Object.values(RelationStatus) as string[];

/**
 * Checks one record's shape and values (not whether the ids it names exist: that needs the
 * graph, see `checkReferences` and the importer). `textFile` must have been read into `text`.
 */
export function checkRecord(raw: unknown): Checked<KnowledgeRecord> {
  const issues: Issue[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail("", `a record must be a JSON object; got ${describeValue(raw)}`);
  }
  const input = raw as Record<string, unknown>;
  const kind = input.record;
  if (typeof kind !== "string" || !(RECORD_KINDS as string[]).includes(kind)) {
    return fail("record", `"record" must be one of ${RECORD_KINDS.join(", ")}; got ${describeValue(kind)}`);
  }
  const fields = new Fields(input, "", issues);
  fields.rejectUnknown(RECORD_FIELDS[kind as RecordKind].filter((field) => field !== "textFile"));
  let record: KnowledgeRecord;
  switch (kind as RecordKind) {
    case "source":
      record = checkSource(fields);
      break;
    case "entity":
      record = checkEntity(fields);
      break;
    case "relation":
      record = checkRelation(fields);
      break;
    case "event":
      record = checkEvent(fields);
      break;
    case "reference":
      record = checkReferenceRecord(fields);
      break;
  }
  return issues.length > 0 ? { ok: false, issues, record } : { ok: true, record };
}

/**
 * Checks that every reference cites a known source and, when that source has a text, that every
 * quote is a byte-exact substring of it. Returns the issues (empty when all is well).
 */
export function checkReferences(
  references: readonly ReferenceFacts[],
  textOf: SourceTextLookup,
  contains: (text: string, quote: string) => boolean = (text, quote) => text.includes(quote),
): Issue[] {
  const issues: Issue[] = [];
  references.forEach((reference, index) => {
    if (!reference?.source) return;
    const text = textOf(reference.source);
    if (text === undefined) {
      issues.push({ path: `references[${index}].source`, message: `no source has the id "${reference.source}"` });
      return;
    }
    if (text === null) return;
    reference.quotes.forEach((quote, quoteIndex) => {
      if (quote !== undefined && !contains(text, quote)) {
        issues.push({
          path: `references[${index}].quotes[${quoteIndex}]`,
          message: `not found word for word in the text of source "${reference.source}": ${describeQuote(quote)}`,
        });
      }
    });
  });
  return issues;
}

/** The ids of entities a record links to, with the path that names each. */
export function linkedEntityIds(record: KnowledgeRecord): Array<{ path: string; id: string }> {
  switch (record.record) {
    case "relation":
      return [
        { path: "from", id: record.from },
        { path: "to", id: record.to },
        { path: "agreement", id: record.agreement ?? "" },
      ].filter((link) => link.id);
    case "event":
      return record.participants
        .map((participant, index) => ({ path: `participants[${index}].entity`, id: participant?.entity ?? "" }))
        .filter((link) => link.id);
    default:
      return [];
  }
}

function checkSource(fields: Fields): SourceFacts {
  return {
    record: "source",
    id: fields.slug("id"),
    title: fields.text("title", { required: true }) as string,
    publisher: fields.text("publisher"),
    url: fields.url("url"),
    language: fields.language("language"),
    publishedOn: fields.partialDate("publishedOn"),
    description: fields.text("description"),
    text: fields.text("text", { max: SOURCE_TEXT_MAX_LENGTH, trimmed: false }),
  };
}

function checkEntity(fields: Fields): EntityFacts {
  return {
    record: "entity",
    id: fields.slug("id"),
    name: fields.text("name", { required: true }) as string,
    kind: fields.oneOf("kind", ENTITY_KINDS, true) as EntityKind,
    aliases: fields.stringList("aliases"),
    description: fields.text("description"),
  };
}

function checkRelation(fields: Fields): RelationFacts {
  const validFrom = fields.partialDate("validFrom");
  const validTo = fields.partialDate("validTo");
  const attestedFrom = fields.partialDate("attestedFrom");
  const type = fields.oneOf("type", ALL_RELATION_TYPES as readonly string[], true) as RelationType;
  const from = fields.slug("from");
  const to = fields.slug("to");
  if (from && from === to) fields.issue("to", `a relation links two different entities; "from" and "to" are both "${from}"`);
  if (fields.absent("validFrom") && fields.absent("attestedFrom")) {
    fields.issue("validFrom", 'give "validFrom" (when the link began) or, when the source gives no start, "attestedFrom"');
  }
  if (validFrom !== undefined && attestedFrom !== undefined) {
    fields.issue("attestedFrom", '"attestedFrom" is only for links whose start is unknown; this one has "validFrom"');
  }
  if (validTo !== undefined && (validFrom ?? attestedFrom) !== undefined) {
    const start = PartialDate.from((validFrom ?? attestedFrom) as string).start;
    if (PartialDate.from(validTo).end < start) {
      fields.issue("validTo", `"validTo" (${validTo}) is before the start (${validFrom ?? attestedFrom})`);
    }
  }
  const stakePercent = fields.number("stakePercent", { min: 0, max: 100 });
  return {
    record: "relation",
    id: fields.slug("id"),
    type,
    from,
    to,
    status: fields.oneOf("status", STATUSES, true) as RelationStatus,
    description: fields.text("description", { required: true }) as string,
    validFrom,
    validTo,
    attestedFrom,
    expectedBy: fields.partialDate("expectedBy"),
    amount: fields.nested("amount", false, checkAmount),
    stakePercent,
    exclusive: fields.boolean("exclusive"),
    role: fields.text("role"),
    agreement: fields.optionalSlug("agreement"),
    references: distinctSources(fields, fields.list("references", true, checkReference) ?? []),
  };
}

function checkEvent(fields: Fields): EventFacts {
  return {
    record: "event",
    id: fields.slug("id"),
    name: fields.text("name", { required: true }) as string,
    date: fields.partialDate("date", true) as string,
    description: fields.text("description", { required: true }) as string,
    participants: fields.list("participants", true, checkParticipant) ?? [],
    references: distinctSources(fields, fields.list("references", true, checkReference) ?? []),
  };
}

/** One reference per source: its quotes go together (two would be stored as one, losing quotes). */
function distinctSources(fields: Fields, references: ReferenceFacts[]): ReferenceFacts[] {
  const firstIndex = new Map<string, number>();
  references.forEach((reference, index) => {
    if (!reference?.source) return;
    const earlier = firstIndex.get(reference.source);
    if (earlier === undefined) firstIndex.set(reference.source, index);
    else {
      fields.issue(
        `references[${index}].source`,
        `source "${reference.source}" is already cited by references[${earlier}]; give all its quotes in one reference`,
      );
    }
  });
  return references;
}

function checkReferenceRecord(fields: Fields): ReferenceRecord {
  const relation = fields.optionalSlug("relation");
  const event = fields.optionalSlug("event");
  if (fields.absent("relation") === fields.absent("event")) {
    fields.issue("relation", 'name the fact the reference supports: "relation" (an id) or "event", one of them');
  }
  return { record: "reference", relation, event, ...checkReferenceFields(fields) };
}

function checkReference(fields: Fields): ReferenceFacts {
  fields.rejectUnknown(REFERENCE_FIELDS);
  return checkReferenceFields(fields);
}

function checkReferenceFields(fields: Fields): ReferenceFacts {
  const inferred = fields.boolean("inferred");
  const note = fields.text("note");
  if (inferred && !note) fields.issue("note", 'an inferred reference must give its reasoning in "note"');
  const quotes = fields.stringList("quotes", { trimmed: false });
  // A list with a bad item has its own issue already.
  if (quotes?.length === 0 || (quotes === undefined && fields.absent("quotes"))) {
    fields.issue("quotes", "give at least one verbatim quote of the source");
  }
  return { source: fields.slug("source"), quotes: quotes ?? [], note, inferred: inferred || undefined };
}

function checkAmount(fields: Fields): AmountFacts {
  fields.rejectUnknown(AMOUNT_FIELDS);
  return {
    value: fields.number("value", { min: 0, required: true }) as number,
    currency: fields.currency("currency"),
    approximate: fields.boolean("approximate") || undefined,
    measure: fields.oneOf("measure", ALL_AMOUNT_MEASURES, true) as AmountMeasure,
    note: fields.text("note"),
  };
}

function checkParticipant(fields: Fields): ParticipantFacts {
  fields.rejectUnknown(PARTICIPANT_FIELDS);
  return { entity: fields.slug("entity"), role: fields.text("role") };
}

function fail(path: string, message: string): Checked<never> {
  return { ok: false, issues: [{ path, message }] };
}

function describeQuote(quote: string): string {
  return JSON.stringify(quote.length > 120 ? `${quote.slice(0, 117)}...` : quote);
}

/** Reads the fields of one object, recording an issue for each bad one and returning undefined for it. */
class Fields {
  constructor(
    private readonly input: Record<string, unknown>,
    private readonly prefix: string,
    private readonly issues: Issue[],
  ) {}

  absent(field: string): boolean {
    return this.input[field] === undefined || this.input[field] === null;
  }

  issue(field: string, message: string): void {
    this.issues.push({ path: this.prefix + field, message });
  }

  rejectUnknown(known: readonly string[]): void {
    for (const key of Object.keys(this.input)) {
      if (!known.includes(key)) this.issue(key, `unknown field "${key}"; expected one of ${known.join(", ")}`);
    }
  }

  private present(field: string, required: boolean): boolean {
    const value = this.input[field];
    if (value === undefined || value === null) {
      if (required) this.issue(field, `"${field}" is required`);
      return false;
    }
    return true;
  }

  text(field: string, options: { required?: boolean; max?: number; trimmed?: boolean } = {}): string | undefined {
    if (!this.present(field, options.required ?? false)) return undefined;
    const value = this.input[field];
    const max = options.max ?? TEXT_MAX_LENGTH;
    if (typeof value !== "string" || value.trim() === "") {
      this.issue(field, `"${field}" must be a non-empty string; got ${describeValue(value)}`);
    } else if (value.length > max) {
      this.issue(field, `"${field}" is longer than ${max} characters`);
    } else if (options.trimmed !== false && value !== value.trim()) {
      this.issue(field, `"${field}" has spaces at its start or end`);
    } else {
      return value;
    }
    return undefined;
  }

  slug(field: string): string {
    if (!this.present(field, true)) return "";
    return this.checkSlug(field) ?? "";
  }

  optionalSlug(field: string): string | undefined {
    return this.present(field, false) ? this.checkSlug(field) : undefined;
  }

  private checkSlug(field: string): string | undefined {
    const value = this.input[field];
    if (typeof value === "string" && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value)) return value;
    this.issue(
      field,
      `"${field}" must be a lowercase slug id such as "openai-global" (a-z, 0-9, single hyphens, at most ${SLUG_MAX_LENGTH} characters); got ${describeValue(value)}`,
    );
    return undefined;
  }

  oneOf(field: string, allowed: readonly string[], required: boolean): string | undefined {
    if (!this.present(field, required)) return undefined;
    const value = this.input[field];
    if (typeof value === "string" && allowed.includes(value)) return value;
    this.issue(field, `"${field}" must be one of ${allowed.join(", ")}; got ${describeValue(value)}`);
    return undefined;
  }

  partialDate(field: string, required = false): string | undefined {
    if (!this.present(field, required)) return undefined;
    const value = this.input[field];
    const parsed = typeof value === "string" ? PartialDate.parse(value) : new InvalidPartialDate(value, "expected a string");
    if (parsed instanceof InvalidPartialDate) {
      this.issue(
        field,
        `"${field}" must be a date as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; got ${describeValue(value)} (${parsed.reason})`,
      );
      return undefined;
    }
    if (parsed.toString() !== value) {
      this.issue(field, `"${field}" must be written "${parsed.toString()}"; got ${describeValue(value)}`);
      return undefined;
    }
    return value;
  }

  number(field: string, range: { min?: number; max?: number; required?: boolean }): number | undefined {
    if (!this.present(field, range.required ?? false)) return undefined;
    const value = this.input[field];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.issue(field, `"${field}" must be a number; got ${describeValue(value)}`);
    } else if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
      this.issue(field, `"${field}" must be from ${range.min ?? "-∞"} to ${range.max ?? "∞"}; got ${value}`);
    } else {
      return value;
    }
    return undefined;
  }

  boolean(field: string): boolean | undefined {
    if (!this.present(field, false)) return undefined;
    const value = this.input[field];
    if (typeof value === "boolean") return value;
    this.issue(field, `"${field}" must be true or false; got ${describeValue(value)}`);
    return undefined;
  }

  url(field: string): string | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") return value;
    } catch {
      // reported below
    }
    this.issue(field, `"${field}" must be an http or https URL; got ${describeValue(value)}`);
    return undefined;
  }

  /** The same rule as the GraphQL `Locale` scalar. */
  language(field: string): string | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    try {
      LocaleResolver.parseValue(value);
      return value;
    } catch {
      this.issue(field, `"${field}" must be a BCP 47 language tag such as "fr" or "en-GB"; got ${describeValue(value)}`);
      return undefined;
    }
  }

  /** The same rule as the GraphQL `Currency` scalar (ISO 4217). */
  currency(field: string): string {
    if (!this.present(field, true)) return "";
    const value = this.input[field];
    try {
      CurrencyResolver.parseValue(value);
      return value as string;
    } catch {
      this.issue(field, `"${field}" must be an ISO 4217 currency code such as "USD"; got ${describeValue(value)}`);
      return "";
    }
  }

  stringList(field: string, options: { trimmed?: boolean } = {}): string[] | undefined {
    if (!this.present(field, false)) return undefined;
    const value = this.input[field];
    if (!Array.isArray(value) || value.length > MAX_LIST) {
      this.issue(field, `"${field}" must be a list of at most ${MAX_LIST} strings; got ${describeValue(value)}`);
      return undefined;
    }
    // Array.from visits the holes of a sparse array (map would skip them and let them through).
    const out = Array.from(value as unknown[], (item, index) => {
      const path = `${field}[${index}]`;
      if (typeof item !== "string" || item.trim() === "" || item.length > TEXT_MAX_LENGTH) {
        this.issue(path, `must be a non-empty string of at most ${TEXT_MAX_LENGTH} characters; got ${describeValue(item)}`);
      } else if (options.trimmed !== false && item !== item.trim()) {
        this.issue(path, "has spaces at its start or end");
      } else {
        return item;
      }
      return undefined;
    });
    return out.every((item) => item !== undefined) ? (out as string[]) : undefined;
  }

  nested<T>(field: string, required: boolean, check: (fields: Fields) => T): T | undefined {
    if (!this.present(field, required)) return undefined;
    const value = this.input[field];
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.issue(field, `"${field}" must be an object; got ${describeValue(value)}`);
      return undefined;
    }
    return check(new Fields(value as Record<string, unknown>, `${this.prefix}${field}.`, this.issues));
  }

  list<T>(field: string, required: boolean, check: (fields: Fields) => T): T[] | undefined {
    if (!this.present(field, required)) return undefined;
    const value = this.input[field];
    if (!Array.isArray(value) || (required && value.length === 0) || value.length > MAX_LIST) {
      const got = Array.isArray(value) ? `${value.length} item(s)` : describeValue(value);
      this.issue(field, `"${field}" must be a list of 1 to ${MAX_LIST} objects; got ${got}`);
      return undefined;
    }
    return Array.from(value as unknown[], (item, index) => {
      if (typeof item !== "object" || item === null || Array.isArray(item)) {
        this.issue(`${field}[${index}]`, `must be an object; got ${describeValue(item)}`);
        return undefined as T;
      }
      return check(new Fields(item as Record<string, unknown>, `${this.prefix}${field}[${index}].`, this.issues));
    });
  }
}
