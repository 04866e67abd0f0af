import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { selectsAnyField } from "../common/selection";
import { Relation } from "../relation/relation.type";
import type { RelationView } from "../relation/relation.view";
import { graphComplexity, pathsComplexity, searchComplexity, subgraphComplexity, timelineComplexity } from "../common/complexity";
import type { RequestContext } from "../request-context";
import { NeighbourhoodArgs, PathsArgs, SearchArgs, SubgraphArgs, TimelineArgs, WholeGraphArgs } from "./explore.args";
import type { GraphPathView, SearchHitView, SummaryView, TimelineView } from "./explore.service";
import { GraphSummary } from "./summary.type";
import { Graph, GraphEdge, GraphPath } from "./graph.type";
import type { GraphEdgeView, GraphView } from "./graph.view";

/** Fields that need a relation's facts (dates with precision, amounts, quotes), not only its sketch. */
const FACT_FIELDS = new Set(["relation", "cytoscapeElements"]);
import { SearchHit } from "./search.type";
import { Timeline } from "./timeline.type";

@Resolver()
export class ExploreResolver {
  @Query(() => Graph, {
    description:
      "Who relates to whom around one entity: the entities up to `depth` relations away and the relations that lead " +
      'to them, e.g. neighbourhood(id: "openai", asOf: "2020"). Draw-ready; NOT_FOUND when no entity has the id.',
    complexity: graphComplexity,
  })
  neighbourhood(
    @Args() args: NeighbourhoodArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GraphView> {
    return ctx.explore.neighbourhood(args, selectsAnyField(info, FACT_FIELDS));
  }

  @Query(() => [GraphPath], {
    description:
      "How two entities are connected: the shortest paths between them, shortest first, following relations either " +
      'way, e.g. paths(from: "ftc", to: "windsurf"). An empty list when none exists within `maxHops`.',
    complexity: pathsComplexity,
  })
  paths(@Args() args: PathsArgs, @Ctx() ctx: RequestContext): Promise<GraphPathView[]> {
    return ctx.explore.paths(args);
  }

  @Query(() => Timeline, {
    description:
      "What changed when: relation starts and ends and dated events in date order, each with its precision, e.g. " +
      'timeline(from: "2023", to: "2023"), or of one pair: timeline(entity: "microsoft", counterparty: "openai"); ' +
      "plus the date range and yearly counts for a time slider.",
    complexity: timelineComplexity,
  })
  timeline(@Args() args: TimelineArgs, @Ctx() ctx: RequestContext): Promise<TimelineView> {
    return ctx.explore.timeline(args);
  }

  @Query(() => [SearchHit], {
    description:
      'Entities whose name or alias matches the text, best first, e.g. search(text: "commission europeenne"). ' +
      "Full-text: accents and case ignored, prefixes and one typo per word tolerated.",
    complexity: searchComplexity,
  })
  search(@Args() args: SearchArgs, @Ctx() ctx: RequestContext): Promise<SearchHitView[]> {
    return ctx.explore.search(args);
  }

  @Query(() => GraphSummary, {
    description:
      "What the graph holds: entities, relations, events and sources counted, entities per kind and relations per " +
      "type (from Neo4j's count store: cheap at any size). The home page (/) shows it.",
  })
  summary(@Ctx() ctx: RequestContext): Promise<SummaryView> {
    return ctx.explore.summary();
  }

  @Query(() => Graph, {
    description:
      "The given entities and the relations among them, e.g. to redraw a saved selection as of a date. " +
      "NOT_FOUND when an id matches no entity.",
    complexity: subgraphComplexity,
  })
  subgraph(@Args() args: SubgraphArgs, @Ctx() ctx: RequestContext): Promise<GraphView> {
    return ctx.explore.subgraph(args);
  }

  @Query(() => Graph, {
    description:
      "The whole graph (entities by id, up to `limit`) and the relations among them, optionally of some kinds and " +
      "types, as of a date: for an export or a first overview.",
    complexity: graphComplexity,
  })
  graph(@Args() args: WholeGraphArgs, @Ctx() ctx: RequestContext): Promise<GraphView> {
    return ctx.explore.wholeGraph(args);
  }
}

/** An edge's facts: read with the graph when the selection asked for them, else by id here. */
@Resolver(() => GraphEdge)
export class GraphEdgeResolver {
  @FieldResolver(() => Relation, { description: "The relation's facts: dates with precision, status, amount, role, quotes." })
  async relation(@Root() edge: GraphEdgeView, @Ctx() ctx: RequestContext): Promise<RelationView> {
    const relation = edge.relation ?? (await ctx.relations.get(edge.id));
    if (relation === null) throw new Error(`relation ${edge.id} disappeared while it was being read`);
    return relation;
  }
}
