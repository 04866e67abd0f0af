/**
 * The article's knowledge graph as an import file (data/seed/microsoft-openai-timeline.fr.jsonl):
 * well-formed, quoting its text word for word, and encoding the corrections made when it was
 * re-expressed from the old Cypher seed. No database.
 */
import { createHash } from "node:crypto";
import { AMOUNT_FIELDS, PARTICIPANT_FIELDS, RECORD_FIELDS, REFERENCE_FIELDS } from "../../src/knowledge/knowledge.records";
import { checkRecord } from "../../src/knowledge/knowledge.validation";
import fs from "node:fs";
import path from "node:path";
import { EntityKind } from "../../src/entity/entity-kind.enum";
import { RelationStatus } from "../../src/relation/relation-status.enum";
import { ALL_RELATION_TYPES } from "../../src/relation/relation-type.enum";

const DATA_DIR = path.join(__dirname, "../../data/seed");
const DATA_FILE = path.join(DATA_DIR, "microsoft-openai-timeline.fr.jsonl");
const SOURCE_ID = "microsoft-openai-timeline-fr";

interface Reference {
  source: string;
  quotes: string[];
  note?: string;
  inferred?: boolean;
}
interface Entity {
  record: "entity";
  id: string;
  name: string;
  kind: string;
  aliases?: string[];
  description?: string;
}
interface Relation {
  record: "relation";
  id: string;
  type: string;
  from: string;
  to: string;
  status: string;
  description: string;
  validFrom?: string;
  validTo?: string;
  attestedFrom?: string;
  expectedBy?: string;
  amount?: { value: number; currency: string; approximate?: boolean; measure: string; note?: string };
  stakePercent?: number;
  exclusive?: boolean;
  role?: string;
  agreement?: string;
  references: Reference[];
}
interface Event {
  record: "event";
  id: string;
  name: string;
  date: string;
  description: string;
  participants: Array<{ entity: string; role?: string }>;
  references: Reference[];
}
type AnyRecord = { record: string; id: string; [field: string]: unknown };

/** The fields of each record, in the order docs/import-format.md lists them (the import's own list). */
const FIELDS: Record<string, readonly string[]> = RECORD_FIELDS;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const lines = fs
  .readFileSync(DATA_FILE, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("//"));
const records: AnyRecord[] = lines.map((line) => JSON.parse(line) as AnyRecord);
const source = records.find((record) => record.record === "source" && record.id === SOURCE_ID) as AnyRecord;
const text = fs.readFileSync(path.join(DATA_DIR, String(source?.textFile)), "utf8");
const entities = records.filter((record) => record.record === "entity") as unknown as Entity[];
const relations = records.filter((record) => record.record === "relation") as unknown as Relation[];
const events = records.filter((record) => record.record === "event") as unknown as Event[];
const entityIds = new Set(entities.map((entity) => entity.id));

const entity = (id: string): Entity | undefined => entities.find((candidate) => candidate.id === id);
const relation = (id: string): Relation | undefined => relations.find((candidate) => candidate.id === id);
const event = (id: string): Event | undefined => events.find((candidate) => candidate.id === id);
const relationsWhere = (match: Partial<Pick<Relation, "type" | "from" | "to">>): Relation[] =>
  relations.filter((candidate) => Object.entries(match).every(([field, value]) => candidate[field as keyof Relation] === value));

/** Folds the text's non-breaking spaces and curly apostrophes, so a test can name a passage plainly. */
const fold = (value: string): string => value.replace(/[\u00a0\u202f]/g, " ").replace(/\u2019/g, "'");
/** Whether the record quotes a passage containing `fragment` (compared folded). */
const quotes = (record: { references: Reference[] }, fragment: string): boolean =>
  record.references.some((reference) => reference.quotes.some((quote) => fold(quote).includes(fold(fragment))));
const allInferred = (record: { references: Reference[] }): boolean =>
  record.references.length > 0 &&
  record.references.every((reference) => reference.inferred === true && (reference.note ?? "").trim() !== "");
const nothingInferred = (record: { references: Reference[] }): boolean =>
  record.references.every((reference) => reference.inferred !== true);

const PRESSURE_QUOTE = "Sous la pression des autorités antitrust (CMA, FTC, Commission européenne), Microsoft a renoncé";
const INVESTIGATED_QUOTE = "qui ont enquêté sur un possible contrôle déguisé de Microsoft sur OpenAI";
const ONGOING_QUOTE = "avec des enquêtes en cours en Europe, aux États-Unis et au Royaume-Uni";

describe("the article's import file", () => {
  it("has one JSON object per line, each a known record", () => {
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      const parsed: unknown = JSON.parse(line);
      expect(typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)).toBe(true);
      expect(Object.keys(FIELDS)).toContain((parsed as AnyRecord).record);
    }
  });

  it("starts with the source, then entities, relations and events", () => {
    expect(records[0]).toEqual({
      record: "source",
      id: SOURCE_ID,
      title: "OpenAI et Microsoft",
      language: "fr",
      publishedOn: "2025-06-22",
      description: expect.any(String),
      textFile: "microsoft-openai-timeline.fr.txt",
    });
    const rank = { source: 0, entity: 1, relation: 2, event: 3 } as Record<string, number>;
    const ranks = records.map((record) => rank[record.record]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("passes the import's own validation, record by record", () => {
    const issues = records.flatMap((record) => {
      // As the import does: a source's textFile is read into its text first.
      const { textFile, ...rest } = record as AnyRecord & { textFile?: string };
      const checked = checkRecord(textFile ? { ...rest, text: "text" } : record);
      return checked.ok ? [] : checked.issues.map((issue) => `${record.id} ${issue.path}: ${issue.message}`);
    });
    expect(issues).toEqual([]);
  });

  it("uses only the fields the format lists, in its order, and never null", () => {
    const checkFields = (value: Record<string, unknown>, allowed: readonly string[], where: string) => {
      const keys = Object.keys(value);
      for (const key of keys) expect(`${where}: ${allowed.includes(key) ? "" : "unknown "}${key}`).toBe(`${where}: ${key}`);
      expect(keys).toEqual(allowed.filter((key) => keys.includes(key)));
      for (const key of keys) expect(value[key]).not.toBeNull();
    };
    for (const record of records) {
      checkFields(record, FIELDS[record.record], record.id);
      for (const reference of (record.references as Reference[] | undefined) ?? []) {
        checkFields(reference as unknown as Record<string, unknown>, REFERENCE_FIELDS, `${record.id} reference`);
      }
      for (const participant of (record.participants as object[] | undefined) ?? []) {
        checkFields(participant as Record<string, unknown>, PARTICIPANT_FIELDS, `${record.id} participant`);
      }
      if (record.amount) checkFields(record.amount as Record<string, unknown>, AMOUNT_FIELDS, `${record.id} amount`);
    }
  });

  it("gives every record a unique slug id", () => {
    for (const record of records) expect(record.id).toMatch(SLUG);
    for (const kind of Object.keys(FIELDS)) {
      const ids = records.filter((record) => record.record === kind).map((record) => record.id);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    }
  });

  it("uses the API's entity kinds, relation types and statuses, and partial dates", () => {
    for (const item of entities) expect(Object.values(EntityKind)).toContain(item.kind);
    for (const item of relations) {
      expect(ALL_RELATION_TYPES).toContain(item.type);
      expect(Object.values(RelationStatus)).toContain(item.status);
      for (const date of [item.validFrom, item.validTo, item.attestedFrom, item.expectedBy]) {
        if (date !== undefined) expect(date).toMatch(PARTIAL_DATE);
      }
      // One of validFrom and attestedFrom, never both.
      expect([item.validFrom, item.attestedFrom].filter((date) => date !== undefined)).toHaveLength(1);
      expect(item.description.trim()).not.toBe("");
    }
    for (const item of events) expect(item.date).toMatch(PARTIAL_DATE);
  });

  it("keeps the article's text byte for byte, non-breaking spaces and curly apostrophes included", () => {
    const bytes = fs.readFileSync(path.join(DATA_DIR, "microsoft-openai-timeline.fr.txt"));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(sha256).toBe("53c0408b17c428fc5390cc9fbc21fc9abd90615fd926332b3b78d5037f45c7e6");
    expect(text).toContain("intègre dans ses produits\u00a0les technologies");
    expect(text).toContain("fournisseur exclusif du cloud d\u2019OpenAI");
  });

  it("quotes the text word for word in every reference, and explains every inference", () => {
    const notInText: string[] = [];
    for (const record of [...relations, ...events]) {
      expect(record.references.length).toBeGreaterThan(0);
      for (const reference of record.references) {
        expect(reference.source).toBe(SOURCE_ID);
        expect(reference.quotes.length).toBeGreaterThan(0);
        for (const quote of reference.quotes) if (!text.includes(quote)) notInText.push(`${record.id}: ${quote}`);
        if (reference.inferred) expect((reference.note ?? "").trim()).not.toBe("");
      }
    }
    expect(notInText).toEqual([]);
  });

  it("links only defined entities: relation endpoints, agreements and event participants", () => {
    const undefinedIds: string[] = [];
    for (const item of relations) {
      for (const id of [item.from, item.to, item.agreement]) {
        if (id !== undefined && !entityIds.has(id)) undefinedIds.push(`${item.id} -> ${id}`);
      }
      if (item.agreement !== undefined) expect(entity(item.agreement)?.kind).toBe(EntityKind.AGREEMENT);
      expect(item.from).not.toBe(item.to);
    }
    for (const item of events) {
      expect(item.participants.length).toBeGreaterThan(0);
      for (const participant of item.participants) {
        if (!entityIds.has(participant.entity)) undefinedIds.push(`${item.id} -> ${participant.entity}`);
      }
    }
    expect(undefinedIds).toEqual([]);
  });
});

describe("corrections to the old seed", () => {
  it("records the antitrust pressure as stated, and a European Commission investigation only as an inference", () => {
    for (const authority of ["cma", "ftc", "european-commission"]) {
      const pressure = relationsWhere({ type: "PRESSURES", from: authority, to: "microsoft" });
      expect(pressure).toHaveLength(1);
      expect(quotes(pressure[0], PRESSURE_QUOTE)).toBe(true);
      expect(nothingInferred(pressure[0])).toBe(true);
    }
    const commissionInvestigations = relationsWhere({ type: "INVESTIGATES", from: "european-commission" });
    expect(commissionInvestigations.length).toBeGreaterThan(0);
    for (const investigation of commissionInvestigations) {
      expect(allInferred(investigation)).toBe(true);
      expect(investigation.description).toMatch(/inferred|inference/i);
    }
    // Whoever is said to run the investigations under way, it is never stated.
    for (const investigation of relations.filter((item) => item.type === "INVESTIGATES" && quotes(item, ONGOING_QUOTE))) {
      expect(allInferred(investigation)).toBe(true);
    }
  });

  it("keeps the CMA's and the FTC's past investigations apart from the inferred idea that theirs are still running", () => {
    for (const regulator of ["cma", "ftc"]) {
      for (const target of ["microsoft", "openai"]) {
        const stated = relation(`${regulator}-investigates-${target}`);
        expect(stated).toBeDefined();
        expect(["COMPLETED", "ENDED"]).toContain(stated?.status);
        expect(stated?.validFrom).toBeUndefined();
        expect(stated?.attestedFrom).toBe("2023");
        expect(nothingInferred(stated as Relation)).toBe(true);
        expect(quotes(stated as Relation, INVESTIGATED_QUOTE)).toBe(true);
        expect(quotes(stated as Relation, ONGOING_QUOTE)).toBe(false);
      }
      const running = relationsWhere({ type: "INVESTIGATES", from: regulator }).filter((item) => item.status === "ACTIVE");
      for (const investigation of running) expect(allInferred(investigation)).toBe(true);
    }
  });

  it("offers the 33 % in OpenAI's planned future entity, as a proposal, not in today's OpenAI", () => {
    const offers = relations.filter((item) => item.stakePercent === 33);
    expect(offers).toHaveLength(1);
    const [offer] = offers;
    expect(offer.id).toBe("microsoft-offered-stake-in-openai");
    expect(offer.status).toBe("PROPOSED");
    expect(offer.from).toBe("microsoft");
    expect(offer.to).not.toBe("openai");
    const future = entity(offer.to) as Entity;
    expect(future.description).toMatch(/planned/i);
    expect(future.description).toMatch(/public benefit corporation/i);
    expect(quotes(offer, "33 % de sa future entité")).toBe(true);
    const restructuring = relationsWhere({ from: "openai", to: future.id });
    expect(restructuring.map((item) => item.status)).toEqual(["PLANNED"]);
  });

  it("dates with attestedFrom what the text only shows, and dates the negotiations, not the conversion, to late 2024", () => {
    for (const id of [
      "oracle-supplies-cloud-to-openai",
      "microsoft-holds-stake-in-openai-global",
      "microsoft-offered-stake-in-openai",
      "microsoft-board-seat-at-openai",
      "cma-pressures-microsoft-2024-07",
      "microsoft-has-technology-access-openai",
      "microsoft-has-exclusive-technology-access-openai-2023-01",
      "microsoft-supports-sam-altman-2023-11",
      "openai-restructures-into-openai-pbc",
    ]) {
      expect(`${id}: ${relation(id)?.validFrom ?? "no validFrom"}`).toBe(`${id}: no validFrom`);
      expect(relation(id)?.attestedFrom).toMatch(PARTIAL_DATE);
    }
    const negotiations = relation("microsoft-negotiates-with-openai") as Relation;
    expect(negotiations.validFrom).toBe("2024");
    expect(negotiations.description).toMatch(/late 2024/);
    // The conversion to a public benefit corporation is planned and undated.
    const conversion = relation("openai-restructures-into-openai-pbc") as Relation;
    expect(conversion.status).toBe("PLANNED");
    expect(conversion.attestedFrom).not.toBe("2024");
    // The only happening dated by "fin 2024" is the start of the negotiations.
    expect(event("openai-public-benefit-corporation-plan-2024")).toBeUndefined();
    const datedByLate2024 = events.filter((item) => quotes(item, "entamées fin 2024"));
    expect(datedByLate2024.map((item) => item.date)).toEqual(["2024"]);
    expect(datedByLate2024[0].name).toMatch(/negotiat/i);
    expect(datedByLate2024[0].description).toMatch(/late 2024/);
  });

  it("dates the Azure exclusivity: exclusive from July 2019, contested since 2024, apart from the plain cloud supply", () => {
    const supply = relation("microsoft-supplies-cloud-to-openai") as Relation;
    expect(supply.exclusive).toBeUndefined();
    expect(supply.status).toBe("ACTIVE");
    expect(supply.validFrom).toBe("2019-07");
    const cloud = relationsWhere({ type: "SUPPLIES_CLOUD", from: "microsoft", to: "openai" });
    const exclusive = cloud.filter((item) => item.exclusive);
    expect(exclusive).toHaveLength(1);
    expect(exclusive[0].status).toBe("CONTESTED");
    expect(exclusive[0].validFrom).toBe("2019-07");
    expect(exclusive[0].description).toMatch(/contested since 2024/i);
    expect(quotes(exclusive[0], "est le fournisseur exclusif du cloud d'OpenAI via Azure")).toBe(true);
    expect(quotes(exclusive[0], "Google Cloud (mai 2025) et Oracle")).toBe(true);
    // No bare "exclusive" in force beside Google Cloud and Oracle.
    expect(relations.filter((item) => item.type === "SUPPLIES_CLOUD" && item.exclusive && item.status === "ACTIVE")).toEqual([]);
  });

  describe("adds the facts the article states", () => {
    it("the AGI clause and its disputed definition, found by searching AGI", () => {
      const found = entities.filter((item) => [item.name, ...(item.aliases ?? [])].some((name) => /\bAGI\b/.test(name)));
      expect(found.map((item) => item.kind)).toContain(EntityKind.AGREEMENT);
      const clause = found.find((item) => item.kind === EntityKind.AGREEMENT) as Entity;
      expect(clause.description).toMatch(/stop sharing its technologies/);
      expect(clause.description).toMatch(/definition of AGI is disputed/);
      const access = relation("microsoft-has-technology-access-openai") as Relation;
      expect(access.agreement).toBe(clause.id);
      expect(quotes(access, "qui permettrait à OpenAI de cesser de partager ses technologies avec Microsoft")).toBe(true);
    });

    it("the risks Microsoft listed in its June 2024 SEC filing, and the competitors it named there", () => {
      const filing = event("microsoft-sec-annual-filing-2024-06") as Event;
      expect(filing.date).toBe("2024-06");
      for (const passage of [
        "les algorithmes peuvent contenir des erreurs ou des biais",
        "Ces problèmes peuvent nuire à l'image de Microsoft",
        "comme le AI Act européen ou les décrets américains",
        "certains usages de l'IA peuvent poser des questions éthiques",
        "Nos offres en matière d'intelligence artificielle sont en concurrence",
        "Nos activités de recherche et de publicité liée à la recherche",
      ]) {
        expect(`${passage}: ${quotes(filing, passage)}`).toBe(`${passage}: true`);
      }
      for (const risk of [/bias/, /training data/, /copyright/, /privacy/, /EU AI Act/, /ethical/]) {
        expect(filing.description).toMatch(risk);
      }
      const participants = filing.participants.map((participant) => participant.entity);
      for (const competitor of ["amazon", "google", "anthropic", "meta", "openai"]) {
        expect(participants).toContain(competitor);
        const competes = relations.filter(
          (item) =>
            item.type === "COMPETES_WITH" &&
            [item.from, item.to].includes("microsoft") &&
            [item.from, item.to].includes(competitor) &&
            (quotes(item, "Nos offres en matière d'intelligence artificielle") ||
              quotes(item, "concurrents émergents") ||
              quotes(item, "Nos activités de recherche")),
        );
        expect(`${competitor}: ${competes.length > 0}`).toBe(`${competitor}: true`);
      }
    });

    it("the SEC and the EU AI Act, linked to Microsoft's filing and to the legal risks it names", () => {
      const filed = relationsWhere({ from: "microsoft", to: "sec" });
      expect(filed).toHaveLength(1);
      expect(quotes(filed[0], "auprès de la SEC (Securities and Exchange Commission) américaine")).toBe(true);
      const risk = relationsWhere({ from: "microsoft", to: "eu-ai-act" });
      expect(risk).toHaveLength(1);
      expect(risk[0].attestedFrom).toBe("2024-06");
      expect(quotes(risk[0], "comme le AI Act européen")).toBe(true);
    });

    it("the multi-year nature of the January 2023 round", () => {
      const round = relation("microsoft-invests-in-openai-2023-01") as Relation;
      expect(round.validFrom).toBe("2023-01");
      expect(round.description).toMatch(/multi-year/);
      expect(quotes(round, "investissement pluriannuel de 10 milliards de dollars")).toBe(true);
    });

    it("the exclusive access to certain technologies of January 2023", () => {
      const allAccess = relationsWhere({ type: "HAS_TECHNOLOGY_ACCESS", from: "microsoft", to: "openai" });
      const access = allAccess.filter((item) => item.exclusive);
      expect(access).toHaveLength(1);
      expect(access[0].attestedFrom).toBe("2023-01");
      expect(quotes(access[0], "Microsoft a bénéficié d'un accès exclusif à certaines technologies")).toBe(true);
      expect(access[0].agreement).toBe("microsoft-openai-partnership-agreement");
    });

    it("Microsoft's support for Altman in November 2023, and his reinstatement with a new board", () => {
      const support = relationsWhere({ type: "SUPPORTS", from: "microsoft", to: "sam-altman" });
      expect(support).toHaveLength(1);
      expect(support[0].attestedFrom).toBe("2023-11");
      expect(quotes(support[0], "Microsoft a soutenu Altman")).toBe(true);
      expect(quotes(support[0], "avec un nouveau conseil d'administration")).toBe(true);
      expect(support[0].description).toMatch(/new board/);
    });

    it("Google's pressure aimed at the exclusive Azure agreement", () => {
      const aimed = relations.filter((item) => item.from === "google" && entity(item.to)?.kind === EntityKind.AGREEMENT);
      expect(aimed).toHaveLength(1);
      expect(aimed[0].to).toBe("microsoft-openai-partnership-agreement");
      expect(aimed[0].description).toMatch(/exclusive Azure agreement/);
      expect(quotes(aimed[0], "Google a également poussé la FTC à examiner l'accord exclusif Azure")).toBe(true);
      expect(relation("google-lobbies-ftc")?.to).toBe("ftc");
    });
  });

  it("groups the partnership's terms under one AGREEMENT entity, with its parties", () => {
    const agreements = entities.filter((item) => item.kind === EntityKind.AGREEMENT);
    expect(agreements.map((item) => item.id)).toEqual(["microsoft-openai-partnership-agreement"]);
    const [agreement] = agreements;
    const terms = relations.filter((item) => item.agreement === agreement.id).map((item) => item.id);
    expect(terms).toEqual(
      expect.arrayContaining([
        "microsoft-invests-in-openai-2019-07",
        "microsoft-invests-in-openai-2023-01",
        "microsoft-supplies-cloud-to-openai",
        "microsoft-supplies-exclusive-cloud-to-openai",
        "microsoft-licenses-gpt-3",
        "microsoft-has-technology-access-openai",
        "azure-ai-integrates-openai",
      ]),
    );
    const parties = relationsWhere({ type: "PARTY_TO", to: agreement.id });
    expect(parties.map((item) => item.from).sort()).toEqual(["microsoft", "openai"]);
    for (const party of parties) {
      expect(party.validFrom).toBe("2019-07");
      expect(quotes(party, "L'accord stipulait que Microsoft fournirait des ressources cloud via Azure")).toBe(true);
    }
    // PARTY_TO links a party to an agreement, and only that.
    for (const item of relations.filter((candidate) => candidate.type === "PARTY_TO")) {
      expect(entity(item.to)?.kind).toBe(EntityKind.AGREEMENT);
    }
  });
});
