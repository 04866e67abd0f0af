/**
 * The write API. Every mutation needs an EDITOR key (src/auth), is recorded under the key's name,
 * and runs in one transaction with its change record (src/curation/curation.repository.ts).
 */
import { Args, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { requirePrincipal, Role } from "../auth";
import type { EntityRecord } from "../entity/entity.repository";
import { toEventView, type EventView } from "../event/event.service";
import type { RequestContext } from "../request-context";
import type { RelationView } from "../relation/relation.view";
import type { SourceRecord } from "../source/source.record";
import {
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
import type { WriteResult } from "./curation.service";
import { EntityPayload, EventPayload, RelationPayload, SourcePayload } from "./curation.types";

const EDITOR = "Needs an EDITOR key (`Authorization: Bearer <key>`); recorded in `changes` under the key's name.";

@Resolver()
export class CurationResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => SourcePayload, {
    description:
      "Registers a source: a document facts come from, with its full text when you have it (quotes are then checked " +
      `against it, byte for byte). Registering it again with the same facts changes nothing. ${EDITOR}`,
  })
  async registerSource(@Args() args: RegisterSourceArgs, @Ctx() ctx: RequestContext): Promise<Payload<"source", SourceRecord>> {
    return payload("source", await ctx.curation.registerSource(args, requirePrincipal(ctx).keyName));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => EntityPayload, {
    description:
      "Creates an entity, or updates one: to update, send the `version` you read (CONFLICT if it changed since). " +
      `Sending the same facts again changes nothing. ${EDITOR}`,
  })
  async upsertEntity(@Args() args: UpsertEntityArgs, @Ctx() ctx: RequestContext): Promise<Payload<"entity", EntityRecord>> {
    return payload("entity", await ctx.curation.upsertEntity(args, requirePrincipal(ctx).keyName));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => RelationPayload, {
    description:
      "Asserts a relation: its type, ends, facts and at least one reference (a registered source and its verbatim quotes). " +
      "Checked like the import: ids, partial dates, amounts and currencies, stake ranges, quotes in the source's text. " +
      "A relation that exists with the same facts is not duplicated: its new references are added, or nothing changes; " +
      `with other facts it is a CONFLICT (use correctRelation). ${EDITOR}`,
  })
  async assertRelation(@Args() args: AssertRelationArgs, @Ctx() ctx: RequestContext): Promise<Payload<"relation", RelationView>> {
    return payload("relation", await ctx.curation.assertRelation(args, requirePrincipal(ctx).keyName));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => RelationPayload, {
    description: `Adds a reference to a relation; one from a source it already cites replaces that one. ${EDITOR}`,
  })
  async addReference(@Args() args: AddReferenceArgs, @Ctx() ctx: RequestContext): Promise<Payload<"relation", RelationView>> {
    return payload("relation", await ctx.curation.addReference(args, requirePrincipal(ctx).keyName));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => RelationPayload, {
    description:
      "Corrects a relation's facts (dates, status, amount, ...) from the `version` you read: CONFLICT if it changed since. " +
      `The earlier facts stay readable with \`knownAt\` and in \`changes\`. ${EDITOR}`,
  })
  async correctRelation(
    @Args() args: CorrectRelationArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Payload<"relation", RelationView>> {
    return payload("relation", await ctx.curation.correctRelation(args, requirePrincipal(ctx).keyName));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => RelationPayload, {
    description:
      "Retracts a relation, with a reason. Nothing is deleted: it stops appearing in reads, and `includeRetracted: true` " +
      `shows it with who retracted it, when and why. ${EDITOR}`,
  })
  async retractRelation(
    @Args() args: RetractRelationArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Payload<"relation", RelationView>> {
    return payload("relation", await ctx.curation.retractRelation(args, requirePrincipal(ctx).keyName));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => RelationPayload, {
    description: `Withdraws one reference of a relation, with a reason (a relation keeps at least one). ${EDITOR}`,
  })
  async retractReference(
    @Args() args: RetractReferenceArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Payload<"relation", RelationView>> {
    return payload("relation", await ctx.curation.retractReference(args, requirePrincipal(ctx).keyName));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => EntityPayload, {
    description:
      "Merges two entities that turn out to be the same: the merged one's relations (ids and facts kept), events and names " +
      "move to the survivor; relations between the two are retracted; the merged id keeps resolving to the survivor. " +
      `${EDITOR}`,
  })
  async mergeEntities(@Args() args: MergeEntitiesArgs, @Ctx() ctx: RequestContext): Promise<Payload<"entity", EntityRecord>> {
    return payload("entity", await ctx.curation.mergeEntities(args, requirePrincipal(ctx).keyName));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => EventPayload, {
    description:
      "Records a dated event with its participants and references. Recording it again with the same facts adds the new " +
      `references, or changes nothing. ${EDITOR}`,
  })
  async recordEvent(@Args() args: RecordEventArgs, @Ctx() ctx: RequestContext): Promise<Payload<"event", EventView>> {
    const written = await ctx.curation.recordEvent(args, requirePrincipal(ctx).keyName);
    return payload("event", { ...written, result: toEventView(written.result) });
  }
}

type Payload<K extends string, T> = { [key in K]: T } & { change: WriteResult<T>["change"]; replayed: boolean };

function payload<K extends string, T>(key: K, written: WriteResult<T>): Payload<K, T> {
  return { [key]: written.result, change: written.change, replayed: written.replayed } as Payload<K, T>;
}
