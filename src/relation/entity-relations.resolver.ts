import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { relationsComplexity } from "../common/complexity";
import type { EntityRecord } from "../entity/entity.repository";
import { Entity } from "../entity/entity.type";
import type { RequestContext } from "../request-context";
import { EntityRelation } from "./entity-relation.type";
import { EntityRelationsArgs } from "./relation.args";
import type { EntityRelationView } from "./relation.service";
import { Relation } from "./relation.type";
import type { RelationView } from "./relation.view";
import { EntityKind } from "../entity/entity-kind.enum";

/** `Entity.relations` lives with the relations feature that owns it, so `entity` depends on nothing above it. */
@Resolver(() => Entity)
export class EntityRelationsResolver {
  @FieldResolver(() => [EntityRelation], {
    description:
      "This entity's relations, each with its direction and counterparty, ordered by start date. " +
      "Filter by direction, types, counterparty and `asOf`. Asked for a list of entities, all are fetched in one query.",
    complexity: relationsComplexity,
  })
  relations(
    @Root() entity: EntityRecord,
    @Args() args: EntityRelationsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<EntityRelationView[]> {
    return ctx.relations.forEntity(entity.id, args);
  }

  @FieldResolver(() => [Relation], {
    description:
      "For an entity of kind AGREEMENT: the relations that are its terms (money, stake, cloud, licences...), listed together; " +
      "its parties are the entities linked to it by PARTY_TO. Empty for other entities.",
    complexity: relationsComplexity,
  })
  terms(@Root() entity: EntityRecord, @Ctx() ctx: RequestContext): Promise<RelationView[]> | RelationView[] {
    return entity.kind === EntityKind.AGREEMENT ? ctx.relations.termsOf(entity.id) : [];
  }
}
