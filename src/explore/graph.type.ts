import { JSONObjectResolver, LocalDateResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { EntityKind } from "../entity/entity-kind.enum";
import { Relation } from "../relation/relation.type";
import { RelationType } from "../relation/relation-type.enum";
import { toCytoscapeElements } from "./cytoscape";
import type { GraphView } from "./graph.view";

@ObjectType({
  simpleResolvers: true,
  description: "An entity as a node to draw: its id, a caption to print and a kind to style it by.",
})
export class GraphNode {
  @Field(() => ID, { description: 'The entity id, e.g. "openai"; stable across queries and releases.' })
  id!: string;

  @Field({ description: "The label to draw: the entity's display name." })
  caption!: string;

  @Field(() => EntityKind, { description: "What the entity is; style nodes by it." })
  kind!: EntityKind;

  @Field(() => [String], { description: "Other names in English and French." })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "One or two sentences on the entity's role in the story." })
  description!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "In a neighbourhood: relations between this node and the centre (0 for the centre). Null elsewhere.",
  })
  distance!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "In a neighbourhood, for a node whose relations were followed: how many of its relations (passing the " +
      'filters) the per-node cap `relationsPerNode` left out, so a drawing can say "and 3,912 more"; 0 when none. ' +
      "Null for nodes not expanded (the last level) and outside neighbourhoods.",
  })
  relationsLeftOut!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A relation as an edge to draw, from `source` to `target` (node ids). A symmetric relation (COMPETES_WITH, " +
    "PARTNERS_WITH, NEGOTIATES_WITH) is one edge, never two; draw it without an arrow. Its facts and quotes are in `relation`.",
})
export class GraphEdge {
  @Field(() => ID, { description: "The relation id; stable across queries and releases." })
  id!: string;

  @Field(() => ID, { description: "Id of the node the relation starts from (`relation.from`)." })
  source!: string;

  @Field(() => ID, { description: "Id of the node the relation points to (`relation.to`)." })
  target!: string;

  @Field(() => RelationType, { description: "The kind of link; style edges by it." })
  type!: RelationType;

  @Field({ description: 'The label to draw: the type in words, e.g. "invests in".' })
  caption!: string;

  @Field({ description: "True for types without direction: draw no arrow." })
  symmetric!: boolean;

  @Field(() => LocalDateResolver, {
    description: "First day the relation counts (from `validFrom`, else `attestedFrom`); for a date slider.",
  })
  periodStart!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Last day the relation counts; null while in force." })
  periodEnd!: string | null;

  @Field(() => Relation, { description: "The relation's facts: dates with precision, status, amount, role, quotes." })
  relation!: Relation;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A graph to draw: nodes and the edges among them. Every edge's `source` and `target` are ids of nodes in " +
    "`nodes`. `cytoscapeElements` is the same payload as Cytoscape.js elements.",
})
export class Graph {
  @Field(() => [GraphNode], { description: "The nodes; in a neighbourhood, nearest first." })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: "The edges, each once, ordered by start date then id." })
  edges!: GraphEdge[];

  @Field({
    description:
      "True when a cap cut the graph short: more nodes matched than the node cap (`limit`) let in, or, in a " +
      "neighbourhood, a node had more relations than `relationsPerNode` (see its `relationsLeftOut`).",
  })
  truncated!: boolean;

  @Field(() => [JSONObjectResolver], {
    description:
      "The payload as Cytoscape.js elements, to pass unchanged to `cytoscape({ elements })`: " +
      '`{ group: "nodes", data: { id, label, kind, aliases, description, distance } }` then ' +
      '`{ group: "edges", data: { id, source, target, label, type, symmetric, status, validFrom, validTo, ' +
      "attestedFrom, periodStart, periodEnd, amount, currency, quote } }`.",
  })
  cytoscapeElements(): object[] {
    return toCytoscapeElements(this as unknown as GraphView);
  }
}

@ObjectType({
  simpleResolvers: true,
  description:
    "One path between two entities: `nodes[i]` and `nodes[i + 1]` are linked by `edges[i]` (which may point either way).",
})
export class GraphPath extends Graph {
  @Field(() => Int, { description: "Relations on the path (`nodes` has one more)." })
  length!: number;
}
