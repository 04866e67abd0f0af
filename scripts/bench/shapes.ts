/**
 * What the scale benchmark asks, in one table to edit as the API changes: for each shape, the
 * GraphQL document our server gets, the floor's equivalent (the same service calls the
 * resolvers make, hence the same Cypher and round trips, without GraphQL), and the peer's
 * document for @neo4j/graphql when it can express the shape.
 *
 * Fields asked are what a client drawing or listing relations needs: ids, type, dates, the
 * counterparty's id and name, the references' source ids. The floor answers the same fields
 * (projected by hand below) so response sizes compare.
 */
import "reflect-metadata";
import type { EntityRecord } from "../../src/entity/entity.repository";
import { NeighbourhoodArgs, PathsArgs } from "../../src/explore/explore.args";
import type { GraphView } from "../../src/explore/graph.view";
import { EntityRelationsArgs } from "../../src/relation/relation.args";
import type { EntityRelationView } from "../../src/relation/relation.service";
import type { RequestContext } from "../../src/request-context";
import { peerConnections } from "./peer-schema";

/** The entities the run measures on, chosen from the graph at start (see picks.ts). */
export interface Picks {
  /** Degree ~13, a neighbour of a hub: the issue's worst case for depth 2. */
  readonly normal: string;
  /** The best-connected entity below the super hub (~4,900 relations). */
  readonly hub: string;
  /** The super hub (~25,000 relations). */
  readonly superHub: string;
  /** The entity sharing most relations with the hub, resp. the super hub (for `counterparty`). */
  readonly hubCounterparty: string;
  readonly superHubCounterparty: string;
  /** Another normal entity 3 or 4 relations from `normal`. */
  readonly pathTo: string;
}

export type Target = "normal" | "hub" | "superHub";

export type Variables = Record<string, string>;

export interface Shape {
  readonly name: string;
  readonly targets: readonly Target[];
  readonly variables: (picks: Picks, target: Target) => Variables;
  /** Our server's document. */
  readonly graphql: string;
  /** The floor: the services the resolvers call, over the raw driver; answers `data`. */
  readonly floor: (ctx: RequestContext, variables: Variables) => Promise<unknown>;
  /** The peer's document, or undefined when @neo4j/graphql cannot express the shape. */
  readonly peer?: string;
}

const anchor = (picks: Picks, target: Target): string => picks[target];

export const SHAPES: readonly Shape[] = [
  {
    name: "entity+relations",
    targets: ["normal", "hub", "superHub"],
    variables: (picks, target) => ({ id: anchor(picks, target) }),
    graphql: `query EntityRelations($id: ID!) {
  entity(id: $id) {
    id name kind
    relations {
      direction
      counterparty { id name }
      relation { id type status validFrom validTo attestedFrom provenance { references { source { id } } } }
    }
  }
}`,
    floor: async (ctx, { id }) => {
      const entity = await ctx.entities.get(id);
      if (!entity) return { entity: null };
      const relations = await ctx.relations.forEntity(id, new EntityRelationsArgs());
      await loadSources(ctx, relations);
      return { entity: { id: entity.id, name: entity.name, kind: entity.kind, relations: relations.map(entityRelation) } };
    },
    peer: `query EntityRelations($id: ID!) {
  entities(where: { id: { eq: $id } }) {
    id name kind
    ${peerConnections("properties { id status validFrom validTo attestedFrom sourceIds } node { id name }")}
  }
}`,
  },
  {
    name: "relations(counterparty)",
    targets: ["hub", "superHub"],
    variables: (picks, target) => ({
      id: anchor(picks, target),
      counterparty: target === "hub" ? picks.hubCounterparty : picks.superHubCounterparty,
    }),
    graphql: `query Between($id: ID!, $counterparty: ID!) {
  entity(id: $id) {
    id
    relations(counterparty: $counterparty) {
      direction
      relation { id type status validFrom validTo attestedFrom provenance { references { source { id } } } }
    }
  }
}`,
    floor: async (ctx, { id, counterparty }) => {
      const entity = await ctx.entities.get(id);
      if (!entity) return { entity: null };
      const relations = await ctx.relations.forEntity(id, Object.assign(new EntityRelationsArgs(), { counterparty }));
      await loadSources(ctx, relations);
      return {
        entity: {
          id: entity.id,
          relations: relations.map((row) => ({ direction: row.direction, relation: entityRelation(row).relation })),
        },
      };
    },
    peer: `query Between($id: ID!, $counterparty: ID!) {
  entities(where: { id: { eq: $id } }) {
    id
    ${peerConnections("properties { id status validFrom validTo attestedFrom sourceIds }", "(where: { node: { id: { eq: $counterparty } } })")}
  }
}`,
  },
  {
    name: "neighbourhood(depth 2)",
    targets: ["normal", "hub", "superHub"],
    variables: (picks, target) => ({ id: anchor(picks, target) }),
    graphql: `query Around($id: ID!) {
  neighbourhood(id: $id, depth: 2) {
    nodes { id caption kind distance }
    edges { id source target type periodStart }
    truncated
  }
}`,
    floor: async (ctx, { id }) =>
      graphPayload(await ctx.explore.neighbourhood(Object.assign(new NeighbourhoodArgs(), { id, depth: 2 }))),
    // Nested depth 2 over every relationship field, as a @neo4j/graphql client asks it.
    peer: `query Around($id: ID!) {
  entities(where: { id: { eq: $id } }) {
    id name kind
    ${peerConnections(`properties { id periodStart } node { id name kind
      ${peerConnections("properties { id periodStart } node { id name kind }")} }`)}
  }
}`,
  },
  {
    name: "paths(maxHops 4)",
    targets: ["normal"],
    variables: (picks) => ({ from: picks.normal, to: picks.pathTo }),
    graphql: `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 4) {
    length
    nodes { id caption kind }
    edges { id source target type periodStart }
  }
}`,
    floor: async (ctx, { from, to }) => ({
      paths: (await ctx.explore.paths(Object.assign(new PathsArgs(), { from, to, maxHops: 4 }))).map((path) => ({
        length: path.length,
        nodes: path.nodes.map(({ id, caption, kind }) => ({ id, caption, kind })),
        edges: path.edges.map(({ id, source, target, type, periodStart }) => ({ id, source, target, type, periodStart })),
      })),
    }),
  },
];

/** The references' sources, as `Reference.source` loads them: one batched query. */
async function loadSources(ctx: RequestContext, relations: readonly EntityRelationView[]): Promise<void> {
  const ids = new Set(relations.flatMap((row) => row.relation.provenance.references.map((reference) => reference.sourceId)));
  await Promise.all([...ids].map((id) => ctx.sources.get(id)));
}

function entityRelation(row: EntityRelationView) {
  const relation = row.relation;
  return {
    direction: row.direction,
    counterparty: counterparty(row.counterparty),
    relation: {
      id: relation.id,
      type: relation.type,
      status: relation.status,
      validFrom: relation.validFrom,
      validTo: relation.validTo,
      attestedFrom: relation.attestedFrom,
      provenance: { references: relation.provenance.references.map((reference) => ({ source: { id: reference.sourceId } })) },
    },
  };
}

function counterparty(entity: EntityRecord) {
  return { id: entity.id, name: entity.name };
}

function graphPayload(graph: GraphView) {
  return {
    neighbourhood: {
      nodes: graph.nodes.map(({ id, caption, kind, distance }) => ({ id, caption, kind, distance })),
      edges: graph.edges.map(({ id, source, target, type, periodStart }) => ({ id, source, target, type, periodStart })),
      truncated: graph.truncated,
    },
  };
}
