/**
 * The rules of the write API. Every input goes through the import's checks
 * (src/knowledge/knowledge.validation.ts) before anything is read, then through the checks that
 * need the graph (ids, versions, quotes against the source's text) inside the write transaction
 * (src/curation/curation.repository.ts), so what is checked is what is written on.
 *
 * Errors: BAD_USER_INPUT names the field path ("input.references[0].quotes[1]") and lists every
 * issue in `extensions.issues`; an unknown id is NOT_FOUND naming its field; a stale `version`,
 * a fact that exists with other facts, or a reused idempotency key is CONFLICT. Nothing is
 * written when any is raised.
 */
import { createHash } from "node:crypto";
import type { ManagedTransaction } from "neo4j-driver";
import { BadUserInputError, ConflictError, NotFoundError } from "../common/errors";
import type { EntityRecord } from "../entity/entity.repository";
import type { EventRecord } from "../event/event.repository";
import type { AppendedChange } from "../history/change-log";
import {
  factsDigest,
  RECORD_FIELDS,
  type EntityFacts,
  type EventFacts,
  type KnowledgeRecord,
  type ReferenceFacts,
  type RelationFacts,
  type SourceFacts,
} from "../knowledge/knowledge.records";
import { checkRecord, checkReferences, linkedEntityIds, type Issue } from "../knowledge/knowledge.validation";
import type { RelationType } from "../relation/relation-type.enum";
import type { RelationView } from "../relation/relation.view";
import { parseStoredReferences } from "../source/reference-storage";
import type { SourceRecord } from "../source/source.record";
import { SLUG_MAX_LENGTH } from "../common/validation";
import type {
  AddReferenceArgs,
  AssertRelationArgs,
  CorrectRelationArgs,
  MergeEntitiesArgs,
  RecordEventArgs,
  RegisterSourceArgs,
  RetractReferenceArgs,
  RetractRelationArgs,
  UpsertEntityArgs,
} from "./curation.inputs";
import type { ChangeRecord } from "../history/change.record";
import {
  storedReferenceOf,
  type CurationRepository,
  type StoredRelation,
  type WriteMeta,
  type WriteResult,
} from "./curation.repository";

export type { WriteResult } from "./curation.repository";

/** The relation fields a correction may change: all but its identity (id, type, ends) and its references. */
const IDENTITY = new Set(["record", "id", "type", "from", "to", "references"]);
const CORRECTABLE = RECORD_FIELDS.relation.filter((field) => !IDENTITY.has(field));

export class CurationService {
  constructor(private readonly repository: CurationRepository) {}

  registerSource(args: RegisterSourceArgs, by: string): Promise<WriteResult<SourceRecord>> {
    const source = checked<SourceFacts>({ record: "source", ...plain(args.input) }, "input");
    return this.repository.transact(
      meta("registerSource", by, args, args.reason),
      async (tx, stamp) => {
        const existing = await this.repository.sourceState(tx, source.id);
        if (existing) {
          const same = factsDigest(sourceFactsOf(existing.props)) === factsDigest(source);
          if (!same) {
            throw new ConflictError(`Source "${source.id}" is already registered with other facts; sources are not edited.`);
          }
          return { result: existing.record, change: null };
        }
        await this.repository.createSource(tx, source, stamp.at);
        const created = await this.repository.sourceState(tx, source.id);
        return {
          result: (created as NonNullable<typeof created>).record,
          change: { sourceIds: [source.id], before: null, after: withoutText(source) },
        };
      },
      async (tx, earlier) => ((await this.repository.sourceState(tx, earlier.sourceIds[0])) as { record: SourceRecord }).record,
    );
  }

  upsertEntity(args: UpsertEntityArgs, by: string): Promise<WriteResult<EntityRecord>> {
    const entity = checked<EntityFacts>({ record: "entity", ...plain(args.input) }, "input");
    const version = args.version ?? null;
    return this.repository.transact(
      meta("upsertEntity", by, args, args.reason),
      async (tx, stamp) => {
        const state = await this.repository.entityState(tx, entity.id);
        if (state.entity === null) {
          if (state.mergedInto !== null) {
            throw new ConflictError(`Entity "${entity.id}" was merged into "${state.mergedInto}"; update that one.`);
          }
          if (version !== null) throw new NotFoundError("entity", entity.id, "input.id");
          await this.repository.createEntity(tx, entity, stamp.at);
          return {
            result: await this.repository.readEntity(tx, entity.id),
            change: { entityIds: [entity.id], before: null, after: entity },
          };
        }
        const { version: current, ...before } = state.entity;
        if (version === null) {
          throw new ConflictError(
            `Entity "${entity.id}" exists (version ${current}); to update it, send the version you read ("version: ${current}").`,
          );
        }
        assertVersion("entity", entity.id, version, current);
        if (factsDigest(before) === factsDigest(entity))
          return { result: await this.repository.readEntity(tx, entity.id), change: null };
        await this.repository.updateEntity(tx, entity, stamp.at);
        return {
          result: await this.repository.readEntity(tx, entity.id),
          change: { entityIds: [entity.id], before, after: entity },
        };
      },
      (tx, earlier) => this.repository.readEntity(tx, earlier.entityIds[0]),
    );
  }

  assertRelation(args: AssertRelationArgs, by: string): Promise<WriteResult<RelationView>> {
    const input = plain(args.input);
    const proposed = checked<RelationFacts>({ record: "relation", ...input, id: input.id ?? "generated" }, "input");
    return this.repository.transact(
      meta("assertRelation", by, args, args.reason),
      async (tx, stamp) => {
        const verified = await this.checkLinks(tx, proposed, "input");
        let id = typeof input.id === "string" ? input.id : null;
        let existing: StoredRelation | null = null;
        if (id !== null) {
          existing = await this.repository.relationState(tx, id);
        } else {
          // A made id: the same fact stated again finds itself; another fact with that id gets a suffix.
          // A made id names its type, so only that type's relations can hold it.
          for (const candidate of generatedIds(proposed)) {
            existing = await this.repository.relationState(tx, candidate, proposed.type);
            if (existing === null || sameFacts(existing.facts, { ...proposed, id: candidate })) {
              id = candidate;
              break;
            }
          }
          if (id === null) throw new ConflictError("Could not make a free id for this relation; give one in `input.id`.");
        }
        const relation: RelationFacts = { ...proposed, id };
        if (existing === null) {
          await this.repository.createRelation(tx, relation, verified, stamp.at);
          return {
            result: await this.repository.readRelation(tx, id, relation.type),
            change: relationChange(relation, { before: null, after: relation }),
          };
        }
        if (existing.retracted) {
          throw new ConflictError(`Relation "${id}" was retracted; assert the fact under another id if it stands again.`);
        }
        if (existing.facts.type !== relation.type) {
          throw new ConflictError(`The id "${id}" is taken by a ${existing.facts.type} relation; give this one another id.`);
        }
        if (!sameFacts(existing.facts, relation)) {
          throw new ConflictError(
            `Relation "${id}" exists with other facts (version ${existing.version}); change them with correctRelation.`,
          );
        }
        // The same fact again: its new references merge in, by source; nothing new changes nothing.
        return this.mergeReferences(tx, stamp, existing, relation.references, verified);
      },
      (tx, earlier) => this.repository.readRelation(tx, earlier.relationIds[0], earlier.relationTypes[0] as RelationType),
    );
  }

  addReference(args: AddReferenceArgs, by: string): Promise<WriteResult<RelationView>> {
    const reference = checked<ReferenceFacts & { record: "reference" }>(
      { record: "reference", relation: args.relation, ...plain(args.reference) },
      "reference",
    );
    return this.repository.transact(
      meta("addReference", by, args, args.reason),
      async (tx, stamp) => {
        const existing = await this.requireRelation(tx, args.relation, "relation");
        if (args.version !== null && args.version !== undefined)
          assertVersion("relation", args.relation, args.version, existing.version);
        const verified = await this.checkSources(tx, [reference], "reference", (path) => path.replace(/^references\[0\]\.?/, ""));
        return this.mergeReferences(tx, stamp, existing, [reference], verified);
      },
      (tx, earlier) => this.repository.readRelation(tx, earlier.relationIds[0], earlier.relationTypes[0] as RelationType),
    );
  }

  correctRelation(args: CorrectRelationArgs, by: string): Promise<WriteResult<RelationView>> {
    const corrections = plain(args.facts);
    return this.repository.transact(
      meta("correctRelation", by, args, args.reason),
      async (tx, stamp) => {
        const existing = await this.requireRelation(tx, args.id, "id");
        assertVersion("relation", args.id, args.version, existing.version);
        const merged: Record<string, unknown> = { ...existing.facts };
        for (const field of CORRECTABLE) {
          if (field in corrections) merged[field] = corrections[field] ?? undefined;
        }
        // Giving a start replaces "attested from", and the other way round.
        if (corrections.validFrom) delete merged.attestedFrom;
        if (corrections.attestedFrom) delete merged.validFrom;
        const relation = checked<RelationFacts>(plain(merged), "facts");
        await this.checkLinks(tx, { ...relation, references: [] }, "facts");
        if (sameFacts(existing.facts, relation))
          return { result: await this.repository.readRelation(tx, args.id, existing.facts.type), change: null };
        // The references stay as they are, each with its own "verified".
        const verified = new Set(
          parseStoredReferences(existing.storedReferences)
            .filter((reference) => reference.verified)
            .map((reference) => reference.source),
        );
        await this.repository.correctRelation(tx, existing, relation, verified, stamp.at);
        return {
          result: await this.repository.readRelation(tx, args.id, existing.facts.type),
          change: relationChange(relation, { before: existing.facts, after: relation }),
        };
      },
      (tx, earlier) => this.repository.readRelation(tx, earlier.relationIds[0], earlier.relationTypes[0] as RelationType),
    );
  }

  retractRelation(args: RetractRelationArgs, by: string): Promise<WriteResult<RelationView>> {
    requireReason(args.reason);
    return this.repository.transact(
      meta("retractRelation", by, args, args.reason),
      async (tx, stamp) => {
        const existing = await this.requireRelation(tx, args.id, "id", true);
        if (existing.retracted) throw new ConflictError(`Relation "${args.id}" is already retracted.`);
        assertVersion("relation", args.id, args.version, existing.version);
        await this.repository.retractRelation(tx, existing, by, args.reason, stamp.at);
        return {
          result: await this.repository.readRelation(tx, args.id, existing.facts.type),
          change: {
            ...relationChange(existing.facts, { before: existing.facts, after: null }),
            removedRelationIds: [args.id],
          },
        };
      },
      (tx, earlier) => this.repository.readRelation(tx, earlier.relationIds[0], earlier.relationTypes[0] as RelationType),
    );
  }

  retractReference(args: RetractReferenceArgs, by: string): Promise<WriteResult<RelationView>> {
    requireReason(args.reason);
    return this.repository.transact(
      meta("retractReference", by, args, args.reason),
      async (tx, stamp) => {
        const existing = await this.requireRelation(tx, args.relation, "relation");
        assertVersion("relation", args.relation, args.version, existing.version);
        const at = existing.facts.references.findIndex((reference) => reference.source === args.source);
        if (at < 0) throw new NotFoundError(`reference of relation "${args.relation}" to source`, args.source, "source");
        if (existing.facts.references.length === 1) {
          throw new BadUserInputError(
            "source",
            `"${args.source}" is the only reference of relation "${args.relation}"; a relation needs one: retract the relation instead.`,
          );
        }
        const kept = existing.facts.references.flatMap((reference, index) =>
          index === at ? [] : [{ source: reference.source, json: existing.storedReferences[index] }],
        );
        await this.repository.setReferences(tx, existing, kept, stamp.at);
        const after = { ...existing.facts, references: existing.facts.references.filter((_, index) => index !== at) };
        return {
          result: await this.repository.readRelation(tx, args.relation, existing.facts.type),
          change: { ...relationChange(existing.facts, { before: existing.facts, after }), sourceIds: [args.source] },
        };
      },
      (tx, earlier) => this.repository.readRelation(tx, earlier.relationIds[0], earlier.relationTypes[0] as RelationType),
    );
  }

  mergeEntities(args: MergeEntitiesArgs, by: string): Promise<WriteResult<EntityRecord>> {
    requireReason(args.reason);
    if (args.survivor === args.merged) {
      throw new BadUserInputError("merged", `"survivor" and "merged" are both "${args.merged}"; a merge needs two entities.`);
    }
    return this.repository.transact(
      meta("mergeEntities", by, args, args.reason),
      async (tx, stamp) => {
        const survivor = await this.repository.entityState(tx, args.survivor);
        const merged = await this.repository.entityState(tx, args.merged);
        if (survivor.entity === null) throw new NotFoundError("entity", args.survivor, "survivor");
        if (merged.entity === null) throw new NotFoundError("entity", args.merged, "merged");
        assertVersion("entity", args.survivor, args.survivorVersion, survivor.entity.version);
        assertVersion("entity", args.merged, args.mergedVersion, merged.entity.version);
        const { moved, retracted } = await this.repository.mergeEntities(
          tx,
          args.survivor,
          args.merged,
          by,
          args.reason,
          stamp.at,
        );
        const result = await this.repository.readEntity(tx, args.survivor);
        const { version: _survivorVersion, ...survivorBefore } = survivor.entity;
        const { version: _mergedVersion, ...mergedBefore } = merged.entity;
        return {
          result,
          change: {
            entityIds: [args.survivor, ...moved.map((row) => row.other)],
            removedEntityIds: [args.merged],
            relationIds: [...moved.map((row) => row.id), ...retracted.map((row) => row.id)],
            relationTypes: [...moved.map((row) => row.type), ...retracted.map((row) => row.type)].filter(
              (type) => type !== "RETRACTED",
            ),
            removedRelationIds: retracted.map((row) => row.id),
            before: { survivor: survivorBefore, merged: mergedBefore },
            after: {
              survivor: {
                id: result.id,
                name: result.name,
                kind: result.kind,
                aliases: result.aliases,
                description: result.description,
              },
              merged: { id: args.merged, mergedInto: args.survivor },
              movedRelations: moved.map((row) => row.id),
              retractedRelations: retracted.map((row) => row.id),
            },
          },
        };
      },
      (tx, earlier) => this.repository.readEntity(tx, earlier.entityIds[0]),
    );
  }

  recordEvent(args: RecordEventArgs, by: string): Promise<WriteResult<EventRecord>> {
    const event = checked<EventFacts>({ record: "event", ...plain(args.input) }, "input");
    return this.repository.transact(
      meta("recordEvent", by, args, args.reason),
      async (tx, stamp) => {
        const verified = await this.checkLinks(tx, event, "input");
        const existing = await this.repository.eventState(tx, event.id);
        const participants = event.participants.map((participant) => participant.entity);
        if (existing === null) {
          await this.repository.createEvent(tx, event, verified, stamp.at);
          return {
            result: await this.repository.readEvent(tx, event.id),
            change: {
              eventIds: [event.id],
              entityIds: participants,
              sourceIds: event.references.map((r) => r.source),
              before: null,
              after: event,
            },
          };
        }
        const comparable = (facts: EventFacts) => ({
          ...facts,
          participants: [...facts.participants].sort((a, b) => a.entity.localeCompare(b.entity)),
        });
        if (factsDigest(comparable(existing.facts)) !== factsDigest(comparable(event))) {
          throw new ConflictError(`Event "${event.id}" exists with other facts; events are not edited through the API yet.`);
        }
        const merged = mergedReferences(
          existing.facts.references.map((reference, index) => ({ reference, json: existing.storedReferences[index] })),
          event.references,
          verified,
        );
        if (merged === null) return { result: await this.repository.readEvent(tx, event.id), change: null };
        await this.repository.setEventReferences(tx, event.id, merged.stored, stamp.at);
        return {
          result: await this.repository.readEvent(tx, event.id),
          change: {
            eventIds: [event.id],
            entityIds: participants,
            sourceIds: event.references.map((r) => r.source),
            before: existing.facts,
            after: { ...existing.facts, references: merged.references },
          },
        };
      },
      (tx, earlier) => this.repository.readEvent(tx, earlier.eventIds[0]),
    );
  }

  // --- shared checks ----------------------------------------------------------------------------

  private async requireRelation(
    tx: ManagedTransaction,
    id: string,
    argument: string,
    allowRetracted = false,
  ): Promise<StoredRelation> {
    const existing = await this.repository.relationState(tx, id);
    if (existing === null) throw new NotFoundError("relation", id, argument);
    if (existing.retracted && !allowRetracted) {
      throw new ConflictError(`Relation "${id}" is retracted; a retracted relation is not changed.`);
    }
    return existing;
  }

  /**
   * The ids a record names must exist (NOT_FOUND naming the field), an `agreement` must be one,
   * and every reference must cite a known source with quotes found in its text. Answers the
   * sources whose text the quotes were checked against.
   */
  private async checkLinks(tx: ManagedTransaction, record: RelationFacts | EventFacts, argument: string): Promise<Set<string>> {
    const links = linkedEntityIds(record);
    const kinds = await this.repository.entityKinds(
      tx,
      links.map((link) => link.id),
    );
    for (const link of links) {
      if (!kinds.has(link.id)) throw new NotFoundError("entity", link.id, `${argument}.${link.path}`);
    }
    if (record.record === "relation" && record.agreement && kinds.get(record.agreement) !== "AGREEMENT") {
      throw new BadUserInputError(
        `${argument}.agreement`,
        `${argument}.agreement: "${record.agreement}" is an entity of kind ${kinds.get(record.agreement)}, not an AGREEMENT.`,
      );
    }
    return this.checkSources(tx, record.references, argument);
  }

  private async checkSources(
    tx: ManagedTransaction,
    references: readonly ReferenceFacts[],
    argument: string,
    rewrite: (path: string) => string = (path) => path,
  ): Promise<Set<string>> {
    const texts = await this.repository.sourceTexts(
      tx,
      references.map((reference) => reference.source),
    );
    const issues = checkReferences(references, (id) => texts.get(id));
    const unknown = issues.find((issue) => issue.path.endsWith(".source"));
    if (unknown) {
      const index = Number(/\[(\d+)\]/.exec(unknown.path)?.[1] ?? 0);
      throw new NotFoundError("source", references[index].source, join(argument, rewrite(unknown.path)));
    }
    if (issues.length > 0) throw invalid(argument, issues, rewrite);
    return new Set([...texts].filter(([, text]) => text !== null).map(([id]) => id));
  }

  /** Merges references into a relation by source; null change when every one was already there. */
  private async mergeReferences(
    tx: ManagedTransaction,
    stamp: AppendedChange,
    existing: StoredRelation,
    references: readonly ReferenceFacts[],
    verified: ReadonlySet<string>,
  ) {
    const id = existing.facts.id;
    const merged = mergedReferences(
      existing.facts.references.map((reference, index) => ({ reference, json: existing.storedReferences[index] })),
      references,
      verified,
    );
    if (merged === null) return { result: await this.repository.readRelation(tx, id, existing.facts.type), change: null };
    await this.repository.setReferences(tx, existing, merged.stored, stamp.at);
    const after = { ...existing.facts, references: merged.references };
    return {
      result: await this.repository.readRelation(tx, id, existing.facts.type),
      change: {
        ...relationChange(existing.facts, { before: existing.facts, after }),
        sourceIds: references.map((r) => r.source),
      },
    };
  }
}

function mergedReferences(
  current: ReadonlyArray<{ reference: ReferenceFacts; json: string }>,
  added: readonly ReferenceFacts[],
  verified: ReadonlySet<string>,
): { stored: Array<{ source: string; json: string }>; references: ReferenceFacts[] } | null {
  const stored = current.map(({ reference, json }) => ({ source: reference.source, json }));
  const references = current.map(({ reference }) => reference);
  let changed = false;
  for (const reference of added) {
    const next = storedReferenceOf(reference, verified.has(reference.source));
    const at = stored.findIndex((item) => item.source === reference.source);
    if (at >= 0) {
      if (stored[at].json === next.json) continue;
      stored[at] = next;
      references[at] = reference;
    } else {
      stored.push(next);
      references.push(reference);
    }
    changed = true;
  }
  return changed ? { stored, references } : null;
}

function relationChange(relation: RelationFacts, states: { before: unknown; after: unknown }) {
  return {
    relationIds: [relation.id],
    relationTypes: [relation.type],
    entityIds: [relation.from, relation.to],
    sourceIds: relation.references.map((reference) => reference.source),
    ...states,
  };
}

/** Same facts, references aside (they merge by source). */
function sameFacts(left: RelationFacts, right: RelationFacts): boolean {
  return left.type === right.type && factsDigest(left) === factsDigest(right);
}

/** The made ids of a relation without one: ends, type and start, then the same with a number. */
function generatedIds(relation: RelationFacts): string[] {
  const start = relation.validFrom ?? relation.attestedFrom ?? "";
  const base = [relation.from, relation.type.toLowerCase().replace(/_/g, "-"), relation.to, start]
    .filter(Boolean)
    .join("-")
    .slice(0, SLUG_MAX_LENGTH - 3)
    .replace(/-+$/, "");
  return [base, ...Array.from({ length: 8 }, (_, index) => `${base}-${index + 2}`)];
}

function assertVersion(what: string, id: string, asked: number, current: number): void {
  if (asked !== current) {
    throw new ConflictError(
      `The ${what} "${id}" is at version ${current}, not ${asked}: it changed since you read it. Read it again, then retry.`,
    );
  }
}

function requireReason(reason: string): void {
  if (reason.trim() === "") throw new BadUserInputError("reason", '"reason" must say why (it goes into the change record).');
}

function meta(operation: string, by: string, args: object, reason: string | null | undefined): WriteMeta {
  const { idempotencyKey, ...request } = plain(args) as { idempotencyKey?: string | null };
  return {
    by,
    operation,
    reason: reason ?? null,
    idempotencyKey: idempotencyKey ?? null,
    requestHash: createHash("sha256")
      .update(JSON.stringify([operation, request]))
      .digest("base64url"),
  };
}

/** A GraphQL input object as plain JSON: null kept (it clears), absent fields absent. */
function plain(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** The checked record, or BAD_USER_INPUT naming the first bad field's path under `argument`. */
function checked<T extends KnowledgeRecord>(
  raw: object,
  argument: string,
  rewrite: (path: string) => string = (path) => path,
): T {
  const result = checkRecord(raw);
  if (!result.ok) throw invalid(argument, result.issues, rewrite);
  return result.record as T;
}

function invalid(
  argument: string,
  issues: readonly Issue[],
  rewrite: (path: string) => string = (path) => path,
): BadUserInputError {
  const named = issues.map((issue) => ({ path: join(argument, rewrite(issue.path)), message: issue.message }));
  return new BadUserInputError(named[0].path, named.map((issue) => `${issue.path}: ${issue.message}`).join("; "), {
    issues: named,
  });
}

function join(argument: string, path: string): string {
  return path ? `${argument}.${path}` : argument;
}

function sourceFactsOf(props: Record<string, unknown>): SourceFacts {
  const text = (key: string) => (typeof props[key] === "string" ? (props[key] as string) : undefined);
  return {
    record: "source",
    id: String(props.id),
    title: String(props.title),
    publisher: text("publisher"),
    url: text("url"),
    language: text("language"),
    publishedOn: text("publishedOn"),
    description: text("description"),
    text: text("text"),
  };
}

/** A source in a change record: its text is the source's, not the change's; its size and digest say which. */
function withoutText(source: SourceFacts) {
  const { text, ...facts } = source;
  return text === undefined
    ? facts
    : { ...facts, textLength: text.length, textSha256: createHash("sha256").update(text).digest("hex") };
}

export type { ChangeRecord };
