import { IsOptional, MaxLength } from "../common/class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import type { PartialDate } from "../common/partial-date";
import { PartialDateScalar } from "../common/scalars";
import { IsPartialDate, IsSlug, IsSlugList, IsWithinCap } from "../common/validation";
import { EntityKind } from "../entity/entity-kind.enum";
import { DirectionFilter } from "../relation/entity-relation.type";
import { KnownAtField } from "../relation/relation-filter.args";
import { RelationType } from "../relation/relation-type.enum";
import { EXPLORE_LIMITS } from "./explore.limits";

const { depth, nodes, relationsPerNode, hops, paths, subgraphIds, timelineItems, searchHits, searchText } = EXPLORE_LIMITS;

const AS_OF =
  'Keep only relations in force at some time in this period: "2020" (the year), "2025-06" (the month) or ' +
  '"2025-06-15" (the day). Omit for every relation, past and present.';
const TYPES = "Follow only these relation types; omit for all types.";
const NODE_LIMIT = `Most nodes to return, 1 to ${nodes.max}; past it the graph is cut (nearest first) and \`truncated\` is true.`;

@ArgsType()
export class NeighbourhoodArgs {
  @Field(() => ID, { description: 'The entity at the centre, e.g. "openai".' })
  @IsSlug()
  id!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: depth.default,
    description: `How many relations away to go: 1 (direct links) to ${depth.max}.`,
  })
  @IsWithinCap(1, depth.max, "neighbourhood depth")
  depth: number = depth.default;

  @Field(() => [RelationType], { nullable: true, description: TYPES })
  types?: RelationType[];

  @Field(() => DirectionFilter, {
    nullable: true,
    defaultValue: DirectionFilter.ANY,
    description: "Follow relations out of each node (OUTGOING), into it (INCOMING) or both (ANY); symmetric ones always.",
  })
  direction: DirectionFilter = DirectionFilter.ANY;

  @Field(() => PartialDateScalar, { nullable: true, description: AS_OF })
  @IsOptional()
  @IsPartialDate()
  asOf?: PartialDate;

  @KnownAtField()
  knownAt?: Date;

  @Field(() => Int, { nullable: true, defaultValue: nodes.default, description: NODE_LIMIT })
  @IsWithinCap(1, nodes.max, "nodes per graph")
  limit: number = nodes.default;

  @Field(() => Int, {
    nullable: true,
    defaultValue: relationsPerNode.default,
    description:
      `Follow at most this many relations of each node, 1 to ${relationsPerNode.max} (default ${relationsPerNode.default}), ` +
      "the most recent first (by start date, then id), so a hub costs what a page of it costs; each node's " +
      "`relationsLeftOut` says how many more it has.",
  })
  @IsWithinCap(1, relationsPerNode.max, "relations per node")
  relationsPerNode: number = relationsPerNode.default;
}

@ArgsType()
export class PathsArgs {
  @Field(() => ID, { description: 'Where paths start, e.g. "google".' })
  @IsSlug()
  from!: string;

  @Field(() => ID, { description: 'Where paths end, e.g. "stargate".' })
  @IsSlug()
  to!: string;

  @Field(() => Int, { nullable: true, defaultValue: hops.default, description: `Longest path, in relations: 1 to ${hops.max}.` })
  @IsWithinCap(1, hops.max, "path length")
  maxHops: number = hops.default;

  @Field(() => [RelationType], { nullable: true, description: TYPES })
  types?: RelationType[];

  @Field(() => PartialDateScalar, { nullable: true, description: AS_OF })
  @IsOptional()
  @IsPartialDate()
  asOf?: PartialDate;

  @KnownAtField()
  knownAt?: Date;

  @Field(() => Int, { nullable: true, defaultValue: paths.default, description: `Most paths to return, 1 to ${paths.max}.` })
  @IsWithinCap(1, paths.max, "paths per answer")
  limit: number = paths.default;
}

@ArgsType()
export class SubgraphArgs {
  @Field(() => [ID], { description: `The entities to draw (1 to ${subgraphIds.max} ids); every one must exist.` })
  @IsSlugList(subgraphIds.max, "ids per subgraph")
  ids!: string[];

  @Field(() => [RelationType], { nullable: true, description: "Keep only these relation types; omit for all types." })
  types?: RelationType[];

  @Field(() => PartialDateScalar, { nullable: true, description: AS_OF })
  @IsOptional()
  @IsPartialDate()
  asOf?: PartialDate;

  @KnownAtField()
  knownAt?: Date;
}

@ArgsType()
export class WholeGraphArgs {
  @Field(() => [EntityKind], { nullable: true, description: "Keep only entities of these kinds; omit for all kinds." })
  kinds?: EntityKind[];

  @Field(() => [RelationType], { nullable: true, description: "Keep only these relation types; omit for all types." })
  types?: RelationType[];

  @Field(() => PartialDateScalar, { nullable: true, description: AS_OF })
  @IsOptional()
  @IsPartialDate()
  asOf?: PartialDate;

  @KnownAtField()
  knownAt?: Date;

  @Field(() => Int, { nullable: true, defaultValue: nodes.max, description: `Most nodes to return (by id), 1 to ${nodes.max}.` })
  @IsWithinCap(1, nodes.max, "nodes per graph")
  limit: number = nodes.max;
}

@ArgsType()
export class TimelineArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'Only relations and events of this entity, e.g. "openai"; omit for the whole graph. NOT_FOUND when no entity has the id.',
  })
  @IsOptional()
  @IsSlug()
  entity?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'With `entity`, the chronology of one pair, e.g. timeline(entity: "microsoft", counterparty: "openai"): only the ' +
      "relations between the two, in either direction (symmetric types included), and the events both take part in. " +
      "Needs `entity` and must differ from it (BAD_USER_INPUT otherwise); NOT_FOUND when no entity has the id.",
  })
  @IsOptional()
  @IsSlug()
  counterparty?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Only items from the first day of this date on: "2023" means from 2023-01-01.',
  })
  @IsOptional()
  @IsPartialDate()
  from?: PartialDate;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Only items up to the last day of this date: "2023" means up to 2023-12-31.',
  })
  @IsOptional()
  @IsPartialDate()
  to?: PartialDate;

  @Field(() => [RelationType], { nullable: true, description: "Only relations of these types; omit for all types." })
  types?: RelationType[];

  @Field({ nullable: true, defaultValue: true, description: "Include dated events (they have no relation type)." })
  includeEvents: boolean = true;

  @KnownAtField()
  knownAt?: Date;

  @Field(() => Int, {
    nullable: true,
    defaultValue: timelineItems.default,
    description: `Most items to return, 1 to ${timelineItems.max}.`,
  })
  @IsWithinCap(1, timelineItems.max, "timeline items")
  limit: number = timelineItems.default;
}

@ArgsType()
export class SearchArgs {
  @Field({
    description:
      "What to look for in names and aliases, English or French: accents and case are ignored, a word may be a prefix " +
      '("open") or have one typo ("micrsoft"). Every word must match; if nothing does, any word may. ' +
      "An entity whose name or an alias is exactly the text comes first, then by score.",
  })
  @MaxLength(searchText.max, { message: `"text" may hold at most ${searchText.max} characters.` })
  text!: string;

  @Field(() => [EntityKind], { nullable: true, description: "Only entities of these kinds; omit for all kinds." })
  kinds?: EntityKind[];

  @Field(() => Int, {
    nullable: true,
    defaultValue: searchHits.default,
    description: `Most hits to return, 1 to ${searchHits.max}.`,
  })
  @IsWithinCap(1, searchHits.max, "search hits")
  first: number = searchHits.default;
}
