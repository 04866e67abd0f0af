import { AMOUNT_FIELDS, PARTICIPANT_FIELDS, RECORD_FIELDS, REFERENCE_FIELDS } from "../../src/knowledge/knowledge.records";
import { createHash } from "node:crypto";
import { CurrencyResolver } from "graphql-scalars";
import { InvalidPartialDate, PartialDate } from "../../src/common/partial-date";
import { EntityKind } from "../../src/entity/entity-kind.enum";
import {
  SUPER_HUB_RELATIONS,
  formatRecord,
  generateRecords,
  plannedCounts,
  type GeneratorOptions,
} from "../../src/knowledge/generator";
import { AmountMeasure } from "../../src/relation/amount-measure.enum";
import { RelationStatus } from "../../src/relation/relation-status.enum";
import { RelationType, SYMMETRIC_RELATION_TYPES } from "../../src/relation/relation-type.enum";

type Json = Record<string, unknown>;

// The fields of docs/import-format.md, in the order a line is written (the import's own list).
const FIELDS: Record<string, readonly string[]> = RECORD_FIELDS;
const REQUIRED: Record<string, readonly string[]> = {
  source: ["id", "title"],
  entity: ["id", "name", "kind"],
  relation: ["id", "type", "from", "to", "status", "description", "references"],
  event: ["id", "name", "date", "description", "participants", "references"],
};
const RECORD_ORDER = ["source", "entity", "relation", "event"];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

const SAMPLE: GeneratorOptions = { entities: 3000, relations: 30000, seed: 11 };

function digest(options: GeneratorOptions): { sha256: string; lines: number } {
  const hash = createHash("sha256");
  let lines = 0;
  for (const record of generateRecords(options)) {
    hash.update(formatRecord(record) + "\n");
    lines++;
  }
  return { sha256: hash.digest("hex"), lines };
}

function precision(date: string): "year" | "month" | "day" {
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}

/** Everything wrong with one record, as readable strings (collected, so a failure lists them all at once). */
class Problems {
  readonly list: string[] = [];

  add(record: Json, message: string): void {
    if (this.list.length < 20) this.list.push(`${String(record.id)}: ${message}`);
  }

  fields(record: Json, value: Json, allowed: readonly string[], path: string): void {
    const keys = Object.keys(value);
    for (const key of keys) if (!allowed.includes(key)) this.add(record, `${path}unknown field "${key}"`);
    const positions = keys.map((key) => allowed.indexOf(key));
    if (positions.some((position, i) => i > 0 && position < positions[i - 1]))
      this.add(record, `${path}fields out of order: ${keys.join(",")}`);
    for (const key of keys)
      if (value[key] === undefined || value[key] === null) this.add(record, `${path}"${key}" is present but empty`);
  }

  slug(record: Json, value: unknown, path: string): void {
    if (typeof value !== "string" || value.length > 120 || !SLUG.test(value))
      this.add(record, `${path} is not a slug: ${JSON.stringify(value)}`);
  }

  text(record: Json, value: unknown, path: string, max = 10_000): void {
    if (typeof value !== "string" || value.trim() === "" || value !== value.trim() || value.length > max) {
      this.add(record, `${path} is not a non-empty trimmed text: ${JSON.stringify(value)}`);
    }
  }

  date(record: Json, value: unknown, path: string): void {
    if (typeof value !== "string" || !PARTIAL_DATE.test(value))
      return this.add(record, `${path} is not a partial date: ${JSON.stringify(value)}`);
    const parsed = PartialDate.parse(value);
    if (parsed instanceof InvalidPartialDate || parsed.toString() !== value)
      this.add(record, `${path} is not a valid date: ${value}`);
  }
}

describe("generateRecords", () => {
  it("gives byte-identical lines for the same options, and other lines for another seed", () => {
    const first = digest({ entities: 2000, relations: 20000, seed: 7 });
    const again = digest({ entities: 2000, relations: 20000, seed: 7 });
    const other = digest({ entities: 2000, relations: 20000, seed: 8 });
    expect(again).toEqual(first);
    expect(other.sha256).not.toBe(first.sha256);
    const counts = plannedCounts({ entities: 2000, relations: 20000, seed: 7 });
    expect(first.lines).toBe(counts.sources + counts.entities + counts.relations + counts.events);
  });

  it("formats every record exactly as JSON.stringify does", () => {
    let mismatches = 0;
    for (const record of generateRecords({ entities: 1000, relations: 10000, seed: 5 })) {
      if (formatRecord(record) !== JSON.stringify(record)) mismatches++;
    }
    expect(mismatches).toBe(0);
    // Characters the generator never writes, but that the fast path must still escape like JSON.stringify.
    const awkward: Json = {
      record: "relation",
      id: "r-1",
      type: "LEADS",
      from: "a",
      to: "b",
      status: "ACTIVE",
      description: 'He said "yes"\\no\n\ttab \u0001 \ud83d\ude00 lone \ud800 end',
      validFrom: "2020",
      amount: { value: 1.5e9, currency: "USD", measure: "DEAL_VALUE" },
      stakePercent: 12.5,
      exclusive: true,
      role: "chair",
      references: [{ source: "s", quotes: ['a "quote"', "l’accord « exclusif »\u00a0%"], note: "n", inferred: true }],
    };
    expect(formatRecord(awkward)).toBe(JSON.stringify(awkward));
  });

  it("writes only the fields of docs/import-format.md, with valid values, quotes found in their sources and known endpoints", () => {
    const problems = new Problems();
    const texts = new Map<string, string>();
    const entityIds = new Set<string>();
    const agreementIds = new Set<string>();
    const ids = new Set<string>();
    const counts: Record<string, number> = { source: 0, entity: 0, relation: 0, event: 0 };
    const kinds = Object.values(EntityKind) as string[];
    const types = Object.values(RelationType) as string[];
    const statuses = Object.values(RelationStatus) as string[];
    const measures = Object.values(AmountMeasure) as string[];
    let previousOrder = 0;

    const checkReferences = (record: Json): void => {
      const references = record.references as Json[];
      if (!Array.isArray(references) || references.length === 0) return problems.add(record, "no references");
      const cited = new Set<string>();
      references.forEach((reference, i) => {
        const path = `references[${i}]`;
        problems.fields(record, reference, REFERENCE_FIELDS, `${path}.`);
        problems.slug(record, reference.source, `${path}.source`);
        const text = texts.get(reference.source as string);
        if (text === undefined) problems.add(record, `${path} cites an unknown source ${String(reference.source)}`);
        if (cited.has(reference.source as string)) problems.add(record, `${path} cites its source twice`);
        cited.add(reference.source as string);
        const quotes = reference.quotes as unknown[];
        if (!Array.isArray(quotes) || quotes.length === 0 || quotes.length > 2)
          problems.add(record, `${path} has ${JSON.stringify(quotes)} quotes`);
        for (const quote of quotes ?? []) {
          if (typeof quote !== "string" || quote.trim() === "") problems.add(record, `${path} has an empty quote`);
          else if (text !== undefined && !text.includes(quote)) problems.add(record, `${path} quote not in its source: ${quote}`);
        }
        if (reference.inferred !== undefined && reference.inferred !== true)
          problems.add(record, `${path}.inferred is written only when true`);
        if (reference.inferred === true) problems.text(record, reference.note, `${path}.note (inferred)`);
        if (reference.note !== undefined) problems.text(record, reference.note, `${path}.note`);
      });
    };

    for (const record of generateRecords(SAMPLE)) {
      const kind = record.record as string;
      const order = RECORD_ORDER.indexOf(kind);
      if (order < 0) {
        problems.add(record, `unknown record kind ${kind}`);
        continue;
      }
      if (order < previousOrder) problems.add(record, `${kind} after ${RECORD_ORDER[previousOrder]}`);
      previousOrder = order;
      counts[kind]++;
      problems.fields(record, record, FIELDS[kind], "");
      for (const field of REQUIRED[kind]) if (record[field] === undefined) problems.add(record, `missing "${field}"`);
      problems.slug(record, record.id, "id");
      if (ids.has(record.id as string)) problems.add(record, "duplicate id");
      ids.add(record.id as string);

      switch (kind) {
        case "source": {
          problems.text(record, record.title, "title");
          problems.text(record, record.publisher, "publisher");
          const url = new URL(record.url as string);
          if (url.protocol !== "https:" || url.hostname !== "example.org") problems.add(record, `url ${String(record.url)}`);
          if (!/^[a-z]{2}(?:-[A-Z]{2})?$/.test(record.language as string))
            problems.add(record, `language ${String(record.language)}`);
          problems.date(record, record.publishedOn, "publishedOn");
          const text = record.text as string;
          const bytes = Buffer.byteLength(text, "utf8");
          if (bytes < 3000 || bytes > 5000) problems.add(record, `text of ${bytes} bytes`);
          texts.set(record.id as string, text);
          break;
        }
        case "entity":
          problems.text(record, record.name, "name");
          if (!kinds.includes(record.kind as string)) problems.add(record, `kind ${String(record.kind)}`);
          if (record.aliases !== undefined) {
            const aliases = record.aliases as unknown[];
            if (!Array.isArray(aliases) || aliases.length === 0) problems.add(record, "empty aliases");
            aliases.forEach((alias, i) => problems.text(record, alias, `aliases[${i}]`));
          }
          if (record.description !== undefined) problems.text(record, record.description, "description");
          if (!/^e-\d{6,}$/.test(record.id as string)) problems.add(record, "entity id shape");
          entityIds.add(record.id as string);
          if (record.kind === "AGREEMENT") agreementIds.add(record.id as string);
          break;
        case "relation": {
          if (!types.includes(record.type as string)) problems.add(record, `type ${String(record.type)}`);
          if (!statuses.includes(record.status as string)) problems.add(record, `status ${String(record.status)}`);
          if (!entityIds.has(record.from as string)) problems.add(record, `unknown from ${String(record.from)}`);
          if (!entityIds.has(record.to as string)) problems.add(record, `unknown to ${String(record.to)}`);
          if (record.from === record.to) problems.add(record, "self-loop");
          problems.text(record, record.description, "description");
          for (const field of ["validFrom", "validTo", "attestedFrom", "expectedBy"]) {
            if (record[field] !== undefined) problems.date(record, record[field], field);
          }
          const start = (record.validFrom ?? record.attestedFrom) as string | undefined;
          if ((record.validFrom === undefined) === (record.attestedFrom === undefined))
            problems.add(record, "needs exactly one of validFrom and attestedFrom");
          // validTo is after the start whatever the two precisions: its first day follows the start's last.
          if (
            start !== undefined &&
            record.validTo !== undefined &&
            PartialDate.from(record.validTo as string).start <= PartialDate.from(start).end
          ) {
            problems.add(record, `validTo ${String(record.validTo)} not after ${start}`);
          }
          if (record.amount !== undefined) {
            const amount = record.amount as Json;
            problems.fields(record, amount, AMOUNT_FIELDS, "amount.");
            if (typeof amount.value !== "number" || !(amount.value > 0))
              problems.add(record, `amount.value ${String(amount.value)}`);
            try {
              CurrencyResolver.parseValue(amount.currency);
            } catch {
              problems.add(record, `amount.currency ${String(amount.currency)}`);
            }
            if (!measures.includes(amount.measure as string)) problems.add(record, `amount.measure ${String(amount.measure)}`);
            if (amount.measure !== AmountMeasure.DEAL_VALUE) problems.text(record, amount.note, "amount.note");
            if (amount.approximate !== undefined && amount.approximate !== true)
              problems.add(record, "amount.approximate written only when true");
          }
          if (record.stakePercent !== undefined) {
            const stake = record.stakePercent as number;
            if (record.type !== RelationType.HOLDS_STAKE || !(stake > 0 && stake <= 100))
              problems.add(record, `stakePercent ${stake}`);
          }
          if (record.exclusive !== undefined && record.exclusive !== true)
            problems.add(record, "exclusive written only when true");
          if (record.role !== undefined) problems.text(record, record.role, "role");
          if (record.agreement !== undefined && !agreementIds.has(record.agreement as string))
            problems.add(record, `agreement ${String(record.agreement)}`);
          if (!/^r-\d{7,}$/.test(record.id as string)) problems.add(record, "relation id shape");
          checkReferences(record);
          break;
        }
        case "event": {
          problems.text(record, record.name, "name");
          problems.text(record, record.description, "description");
          problems.date(record, record.date, "date");
          const participants = record.participants as Json[];
          if (!Array.isArray(participants) || participants.length < 1 || participants.length > 3)
            problems.add(record, "1 to 3 participants");
          const seen = new Set<unknown>();
          participants.forEach((participant, i) => {
            problems.fields(record, participant, PARTICIPANT_FIELDS, `participants[${i}].`);
            if (!entityIds.has(participant.entity as string))
              problems.add(record, `unknown participant ${String(participant.entity)}`);
            if (seen.has(participant.entity)) problems.add(record, "a participant twice");
            seen.add(participant.entity);
            problems.text(record, participant.role, `participants[${i}].role`);
          });
          checkReferences(record);
          break;
        }
      }
    }

    expect(problems.list).toEqual([]);
    expect(counts).toEqual({ source: 20, entity: 3000, relation: 30000, event: 3 });
  });

  it("uses every type, status, measure, kind and date precision, and every optional field", () => {
    const seen = new Set<string>();
    for (const record of generateRecords(SAMPLE)) {
      if (record.record === "entity") {
        seen.add(`kind:${String(record.kind)}`);
        if (record.aliases) seen.add("aliases");
      }
      if (record.record === "source") seen.add(`language:${String(record.language)}`);
      if (record.record !== "relation") continue;
      seen.add(`type:${String(record.type)}`);
      seen.add(`status:${String(record.status)}`);
      for (const field of [
        "validFrom",
        "validTo",
        "attestedFrom",
        "expectedBy",
        "stakePercent",
        "exclusive",
        "role",
        "agreement",
      ]) {
        if (record[field] !== undefined) seen.add(field);
      }
      for (const field of ["validFrom", "attestedFrom"])
        if (record[field]) seen.add(`precision:${precision(record[field] as string)}`);
      const amount = record.amount as Json | undefined;
      if (amount) {
        seen.add(`measure:${String(amount.measure)}`);
        seen.add(`currency:${String(amount.currency)}`);
        if (amount.approximate) seen.add("approximate");
      }
      const references = record.references as Json[];
      if (references.length === 2) seen.add("two references");
      for (const reference of references) {
        if ((reference.quotes as string[]).length === 2) seen.add("two quotes");
        if (reference.inferred) seen.add("inferred");
      }
    }
    const expected = [
      ...Object.values(RelationType).map((type) => `type:${type}`),
      ...Object.values(RelationStatus).map((status) => `status:${status}`),
      ...Object.values(AmountMeasure).map((measure) => `measure:${measure}`),
      ...Object.values(EntityKind).map((kind) => `kind:${kind}`),
      ...["year", "month", "day"].map((p) => `precision:${p}`),
      ...["validFrom", "validTo", "attestedFrom", "expectedBy", "stakePercent", "exclusive", "role"],
      ...((Object.values(EntityKind) as string[]).includes("AGREEMENT") ? ["agreement"] : []),
      ...["aliases", "approximate", "two references", "two quotes", "inferred", "currency:USD", "currency:EUR", "language:fr"],
    ];
    expect(expected.filter((item) => !seen.has(item))).toEqual([]);
    expect(SYMMETRIC_RELATION_TYPES.size).toBeGreaterThan(0);
  });

  it("gives a power-law degree distribution: hubs of ~0.5% of the relations, a small median", () => {
    const started = Date.now();
    const relations = 200_000;
    const degree = new Map<string, number>();
    let symmetric = 0;
    for (const record of generateRecords({ entities: 20_000, relations, seed: 1 })) {
      if (record.record === "entity") degree.set(record.id as string, 0);
      if (record.record !== "relation") continue;
      degree.set(record.from as string, (degree.get(record.from as string) ?? 0) + 1);
      degree.set(record.to as string, (degree.get(record.to as string) ?? 0) + 1);
      if (SYMMETRIC_RELATION_TYPES.has(record.type as RelationType)) symmetric++;
    }
    const elapsed = Date.now() - started;
    const degrees = [...degree.values()].sort((a, b) => b - a);
    expect(degrees).toHaveLength(20_000);
    // The top hub takes ~0.5% of the relations (1,000 of 200,000), the next ones decay slowly.
    expect(degrees[0]).toBeGreaterThan(800);
    expect(degrees[0]).toBeLessThan(1250);
    expect(degrees[9]).toBeGreaterThan(700);
    expect(degrees[99]).toBeLessThan(degrees[0] / 1.5);
    const median = degrees[degrees.length >> 1];
    expect(median).toBeGreaterThanOrEqual(2);
    expect(median).toBeLessThanOrEqual(10);
    expect(symmetric / relations).toBeGreaterThan(0.08);
    // Generous: 200,000 relations take about a second on a quiet machine.
    expect(elapsed).toBeLessThan(20_000);
  });

  it("adds super hubs after the power-law relations, leaving every other record as it was", () => {
    const base: GeneratorOptions = { entities: 2000, relations: 20000, seed: 3 };
    const withHub: GeneratorOptions = { ...base, superHubs: 1, superHubRelations: 3000 };
    expect(digest({ ...base, superHubs: 0 })).toEqual(digest(base));
    expect(digest(withHub)).toEqual(digest(withHub));
    expect(plannedCounts(withHub).relations).toBe(23000);
    expect(plannedCounts({ ...base, superHubs: 2 }).relations).toBe(20000 + 2 * SUPER_HUB_RELATIONS);

    const plain = [...generateRecords(base)].map((record) => formatRecord(record));
    const records = [...generateRecords(withHub)];
    const lines = records.map((record) => formatRecord(record));
    const firstEvent = plain.findIndex((line) => line.startsWith('{"record":"event"'));
    // The same sources, entities and relations, then 3,000 more relations, then the same events.
    expect(lines.slice(0, firstEvent)).toEqual(plain.slice(0, firstEvent));
    expect(lines.slice(firstEvent + 3000)).toEqual(plain.slice(firstEvent));

    const degree = (list: Json[]) => {
      const counts = new Map<string, number>();
      for (const record of list.filter((item) => item.record === "relation")) {
        for (const end of [record.from, record.to] as string[]) counts.set(end, (counts.get(end) ?? 0) + 1);
      }
      return counts;
    };
    const before = degree([...generateRecords(base)]);
    const after = degree(records);
    const extra = records.slice(firstEvent, firstEvent + 3000);
    // Every added relation touches one entity, a hub of the power law (rank 0; the top ranks are
    // within ~15% of each other, so among the top 20 by degree), once, with another entity; both
    // directions occur.
    const [top] = [...degree(extra)].sort((left, right) => right[1] - left[1])[0];
    const ranking = [...before].sort((left, right) => right[1] - left[1]).map(([id]) => id);
    expect(ranking.indexOf(top)).toBeLessThan(20);
    expect(extra.every((record) => (record.from === top) !== (record.to === top))).toBe(true);
    expect(extra.some((record) => record.from === top) && extra.some((record) => record.to === top)).toBe(true);
    expect(after.get(top)).toBe((before.get(top) ?? 0) + 3000);
    expect(extra.map((record) => record.id)).toEqual(
      Array.from({ length: 3000 }, (_, i) => `r-${String(20001 + i).padStart(7, "0")}`),
    );
    expect(new Set(extra.map((record) => record.type)).size).toBeGreaterThan(5);
    expect(extra.every((record) => Array.isArray(record.references) && (record.references as Json[]).length > 0)).toBe(true);
  });

  it("refuses options it cannot honour", () => {
    const run = (options: GeneratorOptions) => () => generateRecords(options).next();
    expect(run({ entities: 1, relations: 10, seed: 1 })).toThrow(RangeError);
    expect(run({ entities: -1, relations: 0, seed: 1 })).toThrow(RangeError);
    expect(run({ entities: 10, relations: 1.5, seed: 1 })).toThrow(RangeError);
    expect(run({ entities: 10, relations: 10, seed: 1, sources: 0 })).toThrow(RangeError);
    expect(run({ entities: 10, relations: 10, seed: Number.NaN })).toThrow(RangeError);
    expect(run({ entities: 10, relations: 10, seed: 1, superHubs: 11 })).toThrow(RangeError);
    expect(run({ entities: 10, relations: 10, seed: 1, superHubs: 1, superHubRelations: -1 })).toThrow(RangeError);
    expect(run({ entities: 1, relations: 0, seed: 1, superHubs: 1, superHubRelations: 5 })).toThrow(RangeError);
    expect([...generateRecords({ entities: 0, relations: 0, seed: 1, sources: 1 })]).toHaveLength(1);
  });
});
