/**
 * `graphChanged`: live updates for drawings. Served over WebSocket (graphql-ws, src/live/ws.ts);
 * fed by the process's change follower, which reads the change log in Neo4j, so a subscriber on
 * any instance sees the changes written through every instance.
 */
import { GraphQLError } from "graphql";
import { ArgsType, Args, Field, ID, Resolver, Root, Subscription, type PubSub } from "type-graphql";
import { IsOptional } from "../common/class-validator";
import { SMALL_LIST_SIZE } from "../common/complexity";
import { IsSlugList, validateArguments } from "../common/validation";
import { EXPLORE_LIMITS } from "../explore/explore.limits";
import { RelationType } from "../relation/relation-type.enum";
import type { LiveEvent } from "./change-follower";
import { changeFilterOf, type GraphChangeView } from "./graph-change.view";
import { GraphChange } from "./graph-change.type";
import type { LiveContext } from "./live-context";

@ArgsType()
export class GraphChangedArgs {
  @Field(() => [ID], {
    nullable: true,
    description:
      `Only changes that touch one of these entities (its facts, a relation it ends, its merge), e.g. the ids a ` +
      `drawing shows; at most ${EXPLORE_LIMITS.nodes.max}. Omit for every change.`,
  })
  @IsOptional()
  @IsSlugList(EXPLORE_LIMITS.nodes.max, "nodes per graph")
  ids?: string[];

  @Field(() => [RelationType], {
    nullable: true,
    description: "Only changes to relations of these types (asserted, corrected, retracted, moved). Omit for every change.",
  })
  types?: RelationType[];
}

@Resolver()
export class LiveResolver {
  @Subscription(() => GraphChange, {
    description:
      "Live updates for a drawing: each change to the graph from now on (written through any server instance) that " +
      "touches the given entities and relation types, with the changed nodes and edges as they are now and the ids " +
      "of those removed. Over WebSocket at /graphql (graphql-ws: Apollo Sandbox and Apollo Client speak it), e.g. " +
      'graphChanged(ids: ["openai", "microsoft"]) { seq operation nodes { id caption } edges { id source target type } ' +
      "removedEdgeIds }. Changes made before the subscription started are not sent; a gap in `seq` means some were " +
      "missed (a reconnection): reload what is drawn.",
    complexity: ({ childComplexity }) => 10 + 2 * SMALL_LIST_SIZE * childComplexity,
    subscribe: async ({ args, context }) => {
      const live = (context as LiveContext).live;
      if (!live) throw overHttp();
      const checked = Object.assign(new GraphChangedArgs(), args);
      await validateArguments(checked);
      return live.renewingEach(await live.follower.subscribe(changeFilterOf(checked)));
    },
  })
  graphChanged(@Root() event: LiveEvent, @Args() _args: GraphChangedArgs): GraphChangeView {
    // The server closed the subscription (the subscriber fell behind): the client reads why.
    if (event instanceof GraphQLError) throw event;
    // Apollo runs a subscription sent over HTTP as a query: no event, no subscribe.
    if (!event) throw overHttp();
    return event;
  }
}

function overHttp(): GraphQLError {
  return new GraphQLError(
    "Subscriptions are served over WebSocket at /graphql (the graphql-transport-ws protocol of graphql-ws, which Apollo " +
      "Sandbox and Apollo Client speak), not over HTTP.",
    { extensions: { code: "BAD_REQUEST" } },
  );
}

/**
 * type-graphql will not build a schema with subscriptions without a PubSub, even when every
 * subscription brings its own `subscribe`, as `graphChanged` does. This one refuses to be used:
 * an in-process event bus would reach only one instance's subscribers (see change-follower.ts).
 */
export const NO_PUBSUB: PubSub = {
  publish() {
    throw new Error("No PubSub: subscriptions follow the change log in Neo4j (src/live/change-follower.ts)");
  },
  subscribe() {
    throw new Error("No PubSub: subscriptions follow the change log in Neo4j (src/live/change-follower.ts)");
  },
};
