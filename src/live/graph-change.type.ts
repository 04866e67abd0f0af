import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Graph } from "../explore/graph.type";

@ObjectType({
  simpleResolvers: true,
  description:
    "One change to the graph, as `graphChanged` pushes it: what the change touched as it is now, in the shape the " +
    "graph queries (`neighbourhood`, `subgraph`) answer, so a drawing is patched with the code that drew it: add or " +
    "update `nodes` and `edges` (by id), then delete `removedNodeIds` and `removedEdgeIds`. Every edge's ends are in " +
    "`nodes`, so an edge to an entity not drawn yet brings that entity.",
})
export class GraphChange extends Graph {
  @Field(() => Int, {
    description:
      "The change's number in the change log: increasing, in commit order, the same on every server instance. " +
      "A client that sees a gap missed changes (it was disconnected) and should reload what it draws.",
  })
  seq!: number;

  @Field(() => DateTimeResolver, { description: "When the change was recorded (server time, UTC)." })
  at!: string;

  @Field({
    description:
      'The write that made it, as the change log names it: the mutation, e.g. "assertRelation", "retractRelation", "mergeEntities".',
  })
  operation!: string;

  @Field(() => [ID], {
    description:
      "Entities gone from the graph with this change (merged into another; `nodes` then holds the survivor): " +
      "remove them and their edges from the drawing.",
  })
  removedNodeIds!: string[];

  @Field(() => [ID], {
    description:
      "Relations that no longer appear (retracted): remove these edges. A relation retracted by a later change " +
      "is listed here too, since the payload is read as the graph is when it is sent.",
  })
  removedEdgeIds!: string[];
}
