/**
 * The import: every record of every file is checked first (all problems, each with its file
 * and line), and only a clean set is written, in batches, with a progress line. Files are
 * streamed: memory holds the ids seen (to catch duplicates and unknown links), never the records.
 *
 * Idempotent: writes MERGE by id and set the record's facts, so importing a file twice changes
 * nothing, and a changed value updates the fact. References merge by source (see
 * knowledge.repository.ts), so a second source confirming a fact adds its reference.
 */
import fs from "node:fs";
import path from "node:path";
import { distance } from "fastest-levenshtein";
import { EntityKind } from "../entity/entity-kind.enum";
import { isSymmetric } from "../relation/relation-type.enum";
import type { KnowledgeRepository, WriteMode } from "./knowledge.repository";
import {
  factsDigest,
  type EntityFacts,
  type EventFacts,
  type KnowledgeRecord,
  type RecordKind,
  type ReferenceFacts,
  type ReferenceRecord,
  type RelationFacts,
  type SourceFacts,
} from "./knowledge.records";
import { checkRecord, checkReferences, linkedEntityIds, type Issue } from "./knowledge.validation";
import { formatOf, readRecords, type RawRecord } from "./record-reader";

export interface ImportProblem {
  readonly file: string;
  /** 0 when the problem is with the file itself. */
  readonly line: number;
  readonly record?: string;
  readonly path: string;
  readonly message: string;
}

export interface ImportReport {
  readonly counts: Readonly<Record<RecordKind, number>>;
  readonly problems: readonly ImportProblem[];
  /** False on a dry run, and when problems stopped the import before it wrote anything. */
  readonly written: boolean;
  readonly seconds: number;
}

export interface ImportOptions {
  readonly dryRun?: boolean;
  /** Relations per write transaction. */
  readonly batchSize?: number;
  readonly log?: (line: string) => void;
  readonly progressIntervalMs?: number;
}

const DEFAULT_BATCH_SIZE = 10_000;
const IDENTITY_CHECK_BATCH = 5_000;
const MAX_SUGGESTED_IDS = 200;

/** A problem's one-line form: "file.jsonl:12: relation "x": amount.currency: ...". */
export function formatProblem(problem: ImportProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  const what = problem.record ? ` ${problem.record}` : "";
  const field = problem.path ? ` ${problem.path}:` : "";
  return `${where}:${what}${field} ${problem.message}`;
}

export class Importer {
  constructor(private readonly repository: KnowledgeRepository) {}

  async run(files: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
    const started = Date.now();
    const log = options.log ?? (() => undefined);
    const check = await this.check(files, log);
    const seconds = () => (Date.now() - started) / 1000;
    if (check.problems.length > 0) return { counts: check.counts, problems: check.problems, written: false, seconds: seconds() };
    if (options.dryRun) {
      log(`import: dry run: ${check.summary()} checked, no problem found; nothing written.`);
      return { counts: check.counts, problems: [], written: false, seconds: seconds() };
    }
    log(`import: checked ${check.summary()} in ${seconds().toFixed(1)} s; writing ...`);
    await this.write(files, check, { ...options, log });
    log(`import: wrote ${check.summary()} in ${seconds().toFixed(1)} s.`);
    return { counts: check.counts, problems: [], written: true, seconds: seconds() };
  }

  /**
   * The first pass alone: every record checked, every problem listed; nothing written.
   * `emptyGraph`: the caller knows the graph is empty (a bulk load): the graph is not asked,
   * so it may be stopped meanwhile. `onRecord` sees each valid record as it is checked.
   */
  async check(
    files: readonly string[],
    log: (line: string) => void = () => undefined,
    options: {
      readonly emptyGraph?: boolean;
      readonly onRecord?: (record: KnowledgeRecord, check: CheckedImport) => Promise<void> | void;
    } = {},
  ): Promise<CheckedImport> {
    const check = new CheckedImport(
      options.emptyGraph ? new Map() : await this.repository.sourceTexts(),
      options.emptyGraph ? new Set() : new Set(await this.repository.entityIds()),
      options.emptyGraph ? new Set() : new Set(await this.repository.agreementIds()),
      this.repository,
      options.onRecord,
    );
    for (const file of files) {
      try {
        formatOf(file);
        await fs.promises.access(file, fs.constants.R_OK);
      } catch (error) {
        check.problems.push({ file, line: 0, path: "", message: (error as Error).message.replace(`${file}: `, "") });
        continue;
      }
      log(`import: checking ${file} ...`);
      await check.stamp(file);
      for await (const raw of readRecords(file)) await check.add(raw);
    }
    await check.finish(files);
    return check;
  }

  /**
   * Writes checked files. `only: "rest"` writes what a bulk load leaves to Cypher: sources,
   * events and added references (scripts/bulk-import.ts writes entities and relations).
   */
  async write(
    files: readonly string[],
    check: CheckedImport,
    options: ImportOptions & { only?: "rest"; events?: readonly EventFacts[] } = {},
  ): Promise<void> {
    const countsKnown = options.only === "rest" && check.graphWasEmpty;
    const log = options.log ?? (() => undefined);
    const writer = new WritePass(
      this.repository,
      check,
      options.batchSize ?? DEFAULT_BATCH_SIZE,
      log,
      options.progressIntervalMs ?? 5_000,
    );
    if (options.only === "rest" && options.events) await writer.run([], [], options.events);
    else await writer.run(files, options.only === "rest" ? ["event"] : undefined);
    // The relations' dates decide each entity's list of recent relations. A bulk load wrote its
    // relations outside this pass: every list is rebuilt.
    const touched = options.only === "rest" ? null : [...writer.relationEnds];
    if (touched === null || touched.length > 0) {
      let lastLine = Date.now();
      await this.repository.refreshRecentRelations(touched, (done, total) => {
        if (done < total && Date.now() - lastLine < (options.progressIntervalMs ?? 5_000)) return;
        lastLine = Date.now();
        log(`import: recent relations of ${format(done)}/${format(total)} entities indexed`);
      });
    }
    // Into an empty graph the first pass has counted every reference: no need to scan them again.
    if (countsKnown) await this.repository.writeReferenceCounts(check.referenceCounts);
    else await this.repository.refreshReferenceCounts();
  }
}

export class ImportFileChangedError extends Error {
  override readonly name = "ImportFileChangedError";
}

/** The first pass: checks every record, and what records say about each other and the graph. */
export class CheckedImport {
  readonly problems: ImportProblem[] = [];
  readonly counts: Record<RecordKind, number> = { source: 0, entity: 0, relation: 0, event: 0, reference: 0 };
  /** `reference` records, kept whole (they are few) and written last, once their facts are. */
  readonly referenceRecords: Array<{ at: RawRecord; record: ReferenceRecord }> = [];
  /** Sources of the files, kept whole: they are few, and written first. */
  readonly fileSources = new Map<string, SourceFacts>();
  /** True while no source or entity has come after a relation or an event: then one write pass suffices. */
  nodesFirst = true;
  private seenLink = false;
  private readonly fileEntityIds = new Set<string>();
  /** Per kind, each id and where it was first seen (file index × 2^32 + line). */
  private readonly seen: Record<RecordKind, Map<string, number>> = {
    source: new Map(),
    entity: new Map(),
    relation: new Map(),
    event: new Map(),
    reference: new Map(),
  };
  private readonly fileIndex = new Map<string, number>();
  /** Records whose id came before: their facts are compared with the first one's at the end (a rare case). */
  private readonly duplicates = new Map<string, Array<{ at: RawRecord; label: string; digest: string }>>();
  private readonly deferredReferences: Array<{ at: RawRecord; label: string; references: readonly ReferenceFacts[] }> = [];
  private readonly deferredLinks: Array<{ at: RawRecord; record: string; path: string; id: string }> = [];
  /** Relations that name an agreement: checked at the end, once every entity's kind is known. */
  private readonly agreementLinks: Array<{ at: RawRecord; record: string; id: string }> = [];
  private readonly fileAgreementIds = new Set<string>();
  private identityBatch: Array<{ at: RawRecord; relation: RelationFacts }> = [];
  private readonly verifiedQuotes = new Map<string, Set<string>>();

  constructor(
    private readonly graphSources: ReadonlyMap<string, string | null>,
    private readonly graphEntityIds: ReadonlySet<string>,
    private readonly graphAgreementIds: ReadonlySet<string>,
    private readonly repository: KnowledgeRepository,
    private readonly onRecord?: (record: KnowledgeRecord, check: CheckedImport) => Promise<void> | void,
  ) {}

  /** References per source, counted as the records are checked. */
  readonly referenceCounts = new Map<string, number>();

  /** True when a reference cited a source the files define only later (its `verified` was not known then). */
  get sourcesAfterUse(): boolean {
    return this.deferredReferences.length > 0;
  }

  private countReferences(references: readonly ReferenceFacts[]): void {
    for (const reference of references)
      this.referenceCounts.set(reference.source, (this.referenceCounts.get(reference.source) ?? 0) + 1);
  }

  async add(at: RawRecord): Promise<void> {
    if (at.parseError !== undefined) {
      this.problems.push({ file: at.file, line: at.line, path: "", message: at.parseError });
      return;
    }
    const raw = await this.withText(at);
    if (raw === undefined) return;
    const checked = checkRecord(raw);
    if (!checked.ok) {
      // Its links and quotes are checked too, so one pass reports every mistake of the record.
      const label = describeRaw(raw);
      this.report(at, label, checked.issues);
      if (checked.record) this.checkLinks(at, checked.record, label ?? "record", false);
      return;
    }
    const record = checked.record;
    this.counts[record.record]++;
    if (record.record === "reference") {
      this.referenceRecords.push({ at, record });
      this.checkLinks(at, record, referenceLabel(record), true);
      this.countReferences([record]);
      return;
    }
    const label = `${record.record} "${record.id}"`;
    if (record.record === "source" || record.record === "entity") {
      if (this.seenLink) this.nodesFirst = false;
    } else {
      this.seenLink = true;
    }
    this.firstOf(at, record, label);
    if (record.record === "source") this.fileSources.set(record.id, record);
    if (record.record === "entity") {
      this.fileEntityIds.add(record.id);
      if (record.kind === EntityKind.AGREEMENT) this.fileAgreementIds.add(record.id);
      else this.fileAgreementIds.delete(record.id);
    }
    if (record.record === "relation" && record.agreement) this.agreementLinks.push({ at, record: label, id: record.agreement });
    this.checkLinks(at, record, label, true);
    if (record.record === "relation" || record.record === "event") this.countReferences(record.references);
    if (record.record === "relation" && this.graphEntityIds.size > 0) {
      this.identityBatch.push({ at, relation: record });
      if (this.identityBatch.length >= IDENTITY_CHECK_BATCH) await this.checkIdentities();
    }
    if (this.onRecord) await this.onRecord(record, this);
  }

  /** Entity ids and quotes, now or (for what later records may define) once every file is read. */
  private checkLinks(at: RawRecord, record: KnowledgeRecord, label: string, valid: boolean): void {
    for (const link of linkedEntityIds(record)) {
      if (!this.entityKnown(link.id)) this.deferredLinks.push({ at, record: label, path: link.path, id: link.id });
    }
    if (record.record !== "relation" && record.record !== "event" && record.record !== "reference") return;
    const references = (record.record === "reference" ? [record] : (record.references ?? [])).filter(
      (reference) => reference?.source,
    );
    if (references.length === 0) return;
    if (!valid || references.some((reference) => this.textOf(reference.source) === undefined)) {
      this.deferredReferences.push({ at, label, references });
    } else {
      this.report(at, label, checkReferences(references, this.textOf, this.contains));
    }
  }

  /** What is left once every file has been read: forward references, and the graph's relations. */
  async finish(files: readonly string[]): Promise<void> {
    await this.compareDuplicates(files);
    for (const { at, label, references } of this.deferredReferences) {
      this.report(at, label, checkReferences(references, this.textOf, this.contains));
    }
    const unknown = this.deferredLinks.filter((link) => !this.entityKnown(link.id));
    const suggestions = new Map<string, string[]>();
    for (const link of unknown) {
      if (!suggestions.has(link.id) && suggestions.size < MAX_SUGGESTED_IDS) suggestions.set(link.id, this.closestIds(link.id));
    }
    for (const link of unknown) {
      const closest = suggestions.get(link.id) ?? [];
      const hint = closest.length > 0 ? `; did you mean ${closest.map((id) => `"${id}"`).join(" or ")}?` : "";
      this.report(link.at, link.record, [{ path: link.path, message: `no entity has the id "${link.id}"${hint}` }]);
    }
    for (const link of this.agreementLinks) {
      const isAgreement =
        this.fileAgreementIds.has(link.id) || (!this.fileEntityIds.has(link.id) && this.graphAgreementIds.has(link.id));
      if (this.entityKnown(link.id) && !isAgreement) {
        this.report(link.at, link.record, [
          { path: "agreement", message: `"agreement" must name an entity of kind AGREEMENT; "${link.id}" is not one` },
        ]);
      }
    }
    await this.checkIdentities();
    await this.checkReferenceTargets();
    this.problems.sort((left, right) => left.file.localeCompare(right.file) || left.line - right.line);
  }

  /** Known sources' texts: undefined for an unknown id, null for a source without text. */
  readonly textOf = (sourceId: string): string | null | undefined => {
    const inFile = this.fileSources.get(sourceId);
    if (inFile) return inFile.text ?? null;
    return this.graphSources.get(sourceId);
  };

  /** Sources whose quotes are checked (they have a text): their references are written as verified. */
  verifiedSources(): Set<string> {
    const verified = new Set<string>();
    for (const [id, text] of this.graphSources) if (text !== null) verified.add(id);
    for (const [id, source] of this.fileSources) {
      if (source.text !== undefined) verified.add(id);
      else verified.delete(id);
    }
    return verified;
  }

  /** Quotes repeat (a generated graph draws them from a few sentences): each is searched for once. */
  private readonly contains = (text: string, quote: string): boolean => {
    let known = this.verifiedQuotes.get(text);
    if (known?.has(quote)) return true;
    if (!text.includes(quote)) return false;
    if (!known) this.verifiedQuotes.set(text, (known = new Set()));
    if (known.size < 100_000) known.add(quote);
    return true;
  };

  private entityKnown(id: string): boolean {
    return this.fileEntityIds.has(id) || this.graphEntityIds.has(id);
  }

  private closestIds(id: string): string[] {
    const limit = Math.max(2, Math.floor(id.length / 3));
    const scored: Array<{ id: string; distance: number }> = [];
    const consider = (candidate: string) => {
      // "acme-corp" for "acme": one contains the other, as close as a typo.
      if (candidate.includes(id) || id.includes(candidate)) {
        scored.push({ id: candidate, distance: 1 });
        return;
      }
      if (Math.abs(candidate.length - id.length) > limit) return;
      const d = distance(id, candidate);
      if (d <= limit) scored.push({ id: candidate, distance: d });
    };
    this.fileEntityIds.forEach(consider);
    this.graphEntityIds.forEach((candidate) => {
      if (!this.fileEntityIds.has(candidate)) consider(candidate);
    });
    return scored
      .sort((left, right) => left.distance - right.distance || left.id.localeCompare(right.id))
      .slice(0, 3)
      .map((entry) => entry.id);
  }

  /** Notes where an id is first seen; a later record with the same id is compared at the end. */
  private firstOf(at: RawRecord, record: Exclude<KnowledgeRecord, ReferenceRecord>, label: string): boolean {
    const seen = this.seen[record.record];
    if (!seen.has(record.id)) {
      let index = this.fileIndex.get(at.file);
      if (index === undefined) this.fileIndex.set(at.file, (index = this.fileIndex.size));
      seen.set(record.id, index * 2 ** 32 + at.line);
      return true;
    }
    const key = `${record.record}:${record.id}`;
    const later = this.duplicates.get(key) ?? [];
    later.push({ at, label, digest: factsDigest(record) });
    this.duplicates.set(key, later);
    return true;
  }

  private readonly stamps = new Map<string, string>();

  /** Notes a file's size and modification time, to be sure the write pass reads what was checked. */
  async stamp(file: string): Promise<void> {
    const stat = await fs.promises.stat(file);
    this.stamps.set(file, `${stat.size}:${stat.mtimeMs}`);
  }

  async assertUnchanged(file: string): Promise<void> {
    const stat = await fs.promises.stat(file);
    if (this.stamps.get(file) !== `${stat.size}:${stat.mtimeMs}`) {
      throw new ImportFileChangedError(`${file} changed while it was being imported; import it again.`);
    }
  }

  summary(): string {
    const counts = this.counts;
    return (
      `${counts.source} source(s), ${counts.entity} entities, ${counts.relation} relations, ${counts.event} events` +
      (counts.reference > 0 ? `, ${counts.reference} added reference(s)` : "")
    );
  }

  /** Whether the graph had no entity when the import began (then nothing the files name can exist yet). */
  get graphWasEmpty(): boolean {
    return this.graphEntityIds.size === 0;
  }

  /** Whether some id appears twice in the files (then records must merge into each other). */
  get repeatsIds(): boolean {
    return this.duplicates.size > 0;
  }

  /** The first repeated id, as `kind "id"` (for a message), or undefined when none repeats. */
  get firstRepeatedId(): string | undefined {
    const [key] = this.duplicates.keys();
    if (key === undefined) return undefined;
    const colon = key.indexOf(":");
    return `${key.slice(0, colon)} "${key.slice(colon + 1)}"`;
  }

  /** Reads the first record of each repeated id again, and reports later ones that state other facts. */
  private async compareDuplicates(files: readonly string[]): Promise<void> {
    if (this.duplicates.size === 0) return;
    for (const file of files) {
      const index = this.fileIndex.get(file);
      if (index === undefined) continue;
      for await (const at of readRecords(file)) {
        const kind = (at.raw as { record?: RecordKind } | undefined)?.record;
        const id = (at.raw as { id?: unknown } | undefined)?.id;
        if (kind === undefined || typeof id !== "string" || !this.duplicates.has(`${kind}:${id}`)) continue;
        if (this.seen[kind]?.get(id) !== index * 2 ** 32 + at.line) continue;
        const checked = checkRecord(await this.withText(at));
        if (!checked.ok || checked.record.record === "reference") continue;
        const digest = factsDigest(checked.record);
        for (const later of this.duplicates.get(`${kind}:${id}`) ?? []) {
          if (later.digest === digest) continue;
          const advice = kind === "relation" ? " (sources that disagree on a value are two relations with two ids)" : "";
          this.report(later.at, later.label, [
            { path: "", message: `states other facts than the record with the same id at ${file}:${at.line}${advice}` },
          ]);
        }
      }
    }
  }

  /** A `reference` record must name a relation or an event of the files or of the graph. */
  private async checkReferenceTargets(): Promise<void> {
    const missing = (kind: "relation" | "event") =>
      this.referenceRecords.filter(({ record }) => record[kind] !== undefined && !this.seen[kind].has(record[kind] as string));
    const relations = missing("relation");
    const events = missing("event");
    const knownRelations = new Set<string>();
    // An empty graph holds nothing the files do not define: nothing to ask it.
    if (this.graphWasEmpty && this.graphSources.size === 0) {
      relations.length = 0;
      events.length = 0;
      for (const { at, record } of missing("relation")) {
        this.report(at, referenceLabel(record), [{ path: "relation", message: `no relation has the id "${record.relation}"` }]);
      }
      for (const { at, record } of missing("event")) {
        this.report(at, referenceLabel(record), [{ path: "event", message: `no event has the id "${record.event}"` }]);
      }
      return;
    }
    for (let start = 0; start < relations.length; start += IDENTITY_CHECK_BATCH) {
      const ids = relations.slice(start, start + IDENTITY_CHECK_BATCH).map(({ record }) => record.relation as string);
      for (const identity of await this.repository.relationIdentities(ids)) knownRelations.add(identity.id);
    }
    const knownEvents =
      events.length > 0 ? await this.repository.existingEventIds(events.map(({ record }) => record.event as string)) : new Set();
    for (const { at, record } of relations) {
      if (!knownRelations.has(record.relation as string)) {
        this.report(at, referenceLabel(record), [{ path: "relation", message: `no relation has the id "${record.relation}"` }]);
      }
    }
    for (const { at, record } of events) {
      if (!knownEvents.has(record.event as string)) {
        this.report(at, referenceLabel(record), [{ path: "event", message: `no event has the id "${record.event}"` }]);
      }
    }
  }

  /** In a graph that has relations, an id keeps its type and its two entities: those are what the fact is about. */
  private async checkIdentities(): Promise<void> {
    const batch = this.identityBatch;
    this.identityBatch = [];
    if (batch.length === 0) return;
    const existing = new Map(
      (await this.repository.relationIdentities(batch.map((item) => item.relation.id))).map((r) => [r.id, r]),
    );
    for (const { at, relation } of batch) {
      const stored = existing.get(relation.id);
      if (!stored) continue;
      const sameEnds =
        (stored.fromId === relation.from && stored.toId === relation.to) ||
        (isSymmetric(relation.type) && stored.fromId === relation.to && stored.toId === relation.from);
      if (stored.type !== relation.type || !sameEnds) {
        this.report(at, `relation "${relation.id}"`, [
          {
            path: stored.type !== relation.type ? "type" : "from",
            message:
              `the graph already has this id as ${stored.fromId} ${stored.type} ${stored.toId}; a relation's type and ` +
              "entities are what it is about: give the new fact a new id",
          },
        ]);
      }
    }
  }

  /** Reads `textFile` (relative to the import file) into `text`. */
  private async withText(at: RawRecord): Promise<unknown> {
    const raw = at.raw as Record<string, unknown>;
    if (typeof raw !== "object" || raw === null || raw.record !== "source" || raw.textFile === undefined) return raw;
    if (raw.textFile === null) {
      // null, like an absent field, says the text is unknown.
      const { textFile: _textFile, ...rest } = raw;
      return rest;
    }
    if (raw.text !== undefined) {
      this.report(at, describeRaw(raw), [{ path: "textFile", message: 'give "text" or "textFile", not both' }]);
      return undefined;
    }
    if (typeof raw.textFile !== "string" || raw.textFile.trim() === "") {
      this.report(at, describeRaw(raw), [{ path: "textFile", message: '"textFile" must be a file name' }]);
      return undefined;
    }
    // Only beside the import file or below it: an imported file must not pull in, say, ~/.ssh
    // (the text is then served by GET /sources/{id}/text).
    const base = path.resolve(path.dirname(at.file));
    const file = path.resolve(base, raw.textFile);
    const outside = () => {
      this.report(at, describeRaw(raw), [
        {
          path: "textFile",
          message: `"textFile" must name a file in the import file's folder or below it; got ${JSON.stringify(raw.textFile)}`,
        },
      ]);
      return undefined;
    };
    if (path.isAbsolute(raw.textFile) || !file.startsWith(base + path.sep)) return outside();
    try {
      // A symbolic link below the folder may point anywhere: its target must be inside too.
      const [realBase, realFile] = await Promise.all([fs.promises.realpath(base), fs.promises.realpath(file)]);
      if (!realFile.startsWith(realBase + path.sep)) return outside();
      const { textFile: _textFile, ...rest } = raw;
      return { ...rest, text: await fs.promises.readFile(realFile, "utf8") };
    } catch (error) {
      this.report(at, describeRaw(raw), [
        { path: "textFile", message: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}` },
      ]);
      return undefined;
    }
  }

  private report(at: RawRecord, record: string | undefined, issues: readonly Issue[]): void {
    for (const issue of issues)
      this.problems.push({ file: at.file, line: at.line, record, path: issue.path, message: issue.message });
  }
}

/** The second pass: writes in batches, sources first, entities before the relations that need them. */
class WritePass {
  private inflight: Promise<void> = Promise.resolve();
  private written = { entity: 0, relation: 0, event: 0 };
  private lastProgress = Date.now();
  private readonly started = Date.now();
  private readonly verified: Set<string>;
  /** The entities at either end of a relation this pass wrote. */
  readonly relationEnds = new Set<string>();
  private readonly mode: WriteMode;

  constructor(
    private readonly repository: KnowledgeRepository,
    private readonly check: CheckedImport,
    private readonly batchSize: number,
    private readonly log: (line: string) => void,
    private readonly progressIntervalMs: number,
  ) {
    this.verified = check.verifiedSources();
    this.mode = check.graphWasEmpty && !check.repeatsIds ? "create" : "merge";
  }

  /** `events`: already read (by a bulk load), written as they are instead of reading the files again. */
  async run(files: readonly string[], kinds?: readonly RecordKind[], events?: readonly EventFacts[]): Promise<void> {
    const sources = [...this.check.fileSources.values()];
    if (sources.length > 0) await this.repository.writeSources(sources);
    for (let start = 0; events && start < events.length; start += 1_000) {
      await this.repository.writeEvents(events.slice(start, start + 1_000), this.verified);
    }
    if (kinds) {
      await this.pass(files, kinds);
    } else if (this.check.nodesFirst) {
      await this.pass(files, ["entity", "relation", "event"]);
    } else {
      await this.pass(files, ["entity"]);
      await this.pass(files, ["relation", "event"]);
    }
    const references = this.check.referenceRecords.map(({ record }) => record);
    if (references.length > 0) await this.repository.writeReferences(references, this.verified);
  }

  private async pass(files: readonly string[], kinds: readonly RecordKind[]): Promise<void> {
    let entities: EntityFacts[] = [];
    let relations: RelationFacts[] = [];
    let events: EventFacts[] = [];
    const flushEntities = () => {
      const batch = entities;
      entities = [];
      return batch.length > 0
        ? this.enqueue(() => this.repository.writeEntities(batch, this.mode), "entity", batch.length)
        : undefined;
    };
    const flushLinks = async () => {
      const [relationBatch, eventBatch] = [relations, events];
      relations = [];
      events = [];
      if (relationBatch.length > 0) {
        await this.enqueue(
          () => this.repository.writeRelations(relationBatch, this.verified, this.mode),
          "relation",
          relationBatch.length,
        );
      }
      if (eventBatch.length > 0)
        await this.enqueue(() => this.repository.writeEvents(eventBatch, this.verified), "event", eventBatch.length);
    };
    for (const file of files) {
      await this.check.assertUnchanged(file);
      for await (const at of readRecords(file)) {
        const kind = (at.raw as { record?: string } | undefined)?.record as RecordKind | undefined;
        if (kind === undefined || kind === "source" || kind === "reference" || !kinds.includes(kind)) continue;
        // Checked in the first pass, byte for byte the same file (assertUnchanged): not checked twice.
        const record = at.raw as KnowledgeRecord;
        if (record.record === "entity") {
          entities.push(record);
          if (entities.length >= this.batchSize) await flushEntities();
        } else if (record.record === "relation" || record.record === "event") {
          // Relations need their entities: whatever entities are pending go first.
          if (entities.length > 0) await flushEntities();
          if (record.record === "relation") {
            relations.push(record);
            this.relationEnds.add(record.from).add(record.to);
          } else events.push(record);
          if (relations.length >= this.batchSize || events.length >= this.batchSize / 10) await flushLinks();
        }
      }
    }
    await flushEntities();
    await flushLinks();
    await this.inflight;
  }

  /**
   * Starts a write once the previous one is done, without waiting for it: the next batch is read
   * and checked while Neo4j writes this one.
   */
  private async enqueue(write: () => Promise<void>, kind: "entity" | "relation" | "event", size: number): Promise<void> {
    await this.inflight;
    this.inflight = write().then(() => {
      this.written[kind] += size;
      this.progress();
    });
    // A failed write surfaces at the next enqueue or at the end of the pass; keep it handled meanwhile.
    this.inflight.catch(() => undefined);
  }

  private progress(): void {
    if (Date.now() - this.lastProgress < this.progressIntervalMs) return;
    this.lastProgress = Date.now();
    const { counts } = this.check;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = Math.round(this.written.relation / Math.max(seconds, 0.001));
    this.log(
      `import: ${format(this.written.entity)}/${format(counts.entity)} entities, ` +
        `${format(this.written.relation)}/${format(counts.relation)} relations ` +
        `(${Math.floor((100 * this.written.relation) / Math.max(counts.relation, 1))}%, ${format(rate)} relations/s), ` +
        `${format(this.written.event)}/${format(counts.event)} events`,
    );
  }
}

function format(value: number): string {
  return value.toLocaleString("en-US");
}

function referenceLabel(record: ReferenceRecord): string {
  return record.relation !== undefined ? `reference to relation "${record.relation}"` : `reference to event "${record.event}"`;
}

function describeRaw(raw: unknown): string | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { record, id } = raw as { record?: unknown; id?: unknown };
  if (typeof record !== "string") return undefined;
  return typeof id === "string" ? `${record} "${id}"` : record;
}
