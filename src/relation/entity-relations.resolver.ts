import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { relationsComplexity, TERMS_CAP, termsComplexity } from "../common/complexity";
import type { EntityRecord } from "../entity/entity.repository";
import { Entity } from "../entity/entity.type";
import type { RequestContext } from "../request-context";
import type { ConnectionShape } from "../common/connection";
import { EntityRelation, EntityRelationConnection } from "./entity-relation.type";
import { ENTITY_RELATIONS_PAGE, EntityRelationsArgs } from "./relation.args";
import type { EntityRelationView } from "./relation.service";
import { Relation } from "./relation.type";
import type { RelationView } from "./relation.view";
import { EntityKind } from "../entity/entity-kind.enum";

/** An entity read `knownAt` an instant lists its relations as recorded then, unless the field asks its own. */
function withParentKnownAt(entity: EntityRecord, args: EntityRelationsArgs): EntityRelationsArgs {
  return entity.knownAt && !args.knownAt ? { ...args, knownAt: new Date(entity.knownAt) } : args;
}

/** `Entity.relations` lives with the relations feature that owns it, so `entity` depends on nothing above it. */
@Resolver(() => Entity)
export class EntityRelationsResolver {
  @FieldResolver(() => [EntityRelation], {
    description:
      "This entity's relations, each with its direction and counterparty, ordered by start date then id: " +
      `the first ${ENTITY_RELATIONS_PAGE.default} unless \`first\` says otherwise (at most ${ENTITY_RELATIONS_PAGE.max}); ` +
      "continue with `after` (the last one's `cursor`), or use `relationsConnection` for the total and page info. " +
      "Filter by direction, types, counterparty and `asOf`. Asked for a list of entities, all are fetched in one query.",
    complexity: relationsComplexity,
  })
  relations(
    @Root() entity: EntityRecord,
    @Args() args: EntityRelationsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<EntityRelationView[]> {
    return ctx.relations.forEntity(entity.id, withParentKnownAt(entity, args));
  }

  @FieldResolver(() => EntityRelationConnection, {
    description:
      "The same relations as `relations`, as a Relay connection: a page (`first`, `after`) with cursors, " +
      "`pageInfo` and `totalCount`, how many pass the filters in all (answered from Neo4j's degree counts " +
      "when no `asOf` or counterparty is given, so a hub's count costs no more than a leaf's).",
    complexity: relationsComplexity,
  })
  relationsConnection(
    @Root() entity: EntityRecord,
    @Args() args: EntityRelationsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<EntityRelationView>> {
    return ctx.relations.connectionOf(entity.id, withParentKnownAt(entity, args));
  }

  @FieldResolver(() => [Relation], {
    description:
      "For an entity of kind AGREEMENT: the relations that are its terms (money, stake, cloud, licences...), listed together " +
      `(at most ${TERMS_CAP}, by start date then id); its parties are the entities linked to it by PARTY_TO. Empty for other entities.`,
    complexity: termsComplexity,
  })
  terms(@Root() entity: EntityRecord, @Ctx() ctx: RequestContext): Promise<RelationView[]> | RelationView[] {
    return entity.kind === EntityKind.AGREEMENT ? ctx.relations.termsOf(entity.id) : [];
  }
}
