/**
 * The entities the scale benchmark measures on, chosen from the loaded graph by one Cypher query
 * (printed at start), deterministically: the same graph gives the same picks.
 */
import neo4j from "neo4j-driver";
import type { AppConfig } from "../../src/config";
import type { Picks } from "./shapes";

/** Degrees (relations, either way) that make a hub and a super hub. */
const HUB_MIN = 3_000;
const SUPER_HUB_MIN = 10_000;

export const PICKS_QUERY = `
// The super hub: the best-connected entity.
CALL () {
  MATCH (e:Entity)
  WITH e, COUNT { (e)--() } AS degree
  ORDER BY degree DESC, e.id LIMIT 1
  RETURN e.id AS superHub, degree AS superHubDegree
}
// The hub: the best-connected entity below the super hubs.
CALL () {
  MATCH (e:Entity)
  WITH e, COUNT { (e)--() } AS degree WHERE degree < $superHubMin
  ORDER BY degree DESC, e.id LIMIT 1
  RETURN e.id AS hub, degree AS hubDegree
}
// A normal entity (10 to 15 relations, 13 preferred) with a hub, but no super hub, among its
// neighbours: what makes depth 2 expensive.
CALL () {
  MATCH (e:Entity)
  WITH e, COUNT { (e)--() } AS degree WHERE 10 <= degree <= 15
  WITH e, degree, [(e)--(n:Entity) | COUNT { (n)--() }] AS around
  WHERE any(d IN around WHERE $hubMin <= d < $superHubMin) AND all(d IN around WHERE d < $superHubMin)
  RETURN e AS normalNode, e.id AS normal, degree AS normalDegree, reduce(s = 0, d IN around | s + d) AS normalDepth2Relations
  ORDER BY abs(degree - 13), e.id LIMIT 1
}
// Another normal entity, 3 or 4 relations away from it: for paths.
CALL (normalNode) {
  MATCH (b:Entity)
  WHERE b.id > normalNode.id AND 10 <= COUNT { (b)--() } <= 15
    AND NOT EXISTS { (normalNode)--(b) } AND NOT EXISTS { (normalNode)--()--(b) }
  WITH b ORDER BY b.id LIMIT 50
  MATCH p = shortestPath((normalNode)-[*..4]-(b))
  RETURN b.id AS pathTo, length(p) AS pathLength
  ORDER BY b.id LIMIT 1
}
// For relations(counterparty:): the entity sharing most relations with the hub, with the super hub.
CALL (hub) {
  MATCH (:Entity {id: hub})--(c:Entity)
  RETURN c.id AS hubCounterparty, count(*) AS hubShared ORDER BY hubShared DESC, c.id LIMIT 1
}
CALL (superHub) {
  MATCH (:Entity {id: superHub})--(c:Entity)
  RETURN c.id AS superHubCounterparty, count(*) AS superHubShared ORDER BY superHubShared DESC, c.id LIMIT 1
}
RETURN superHub, superHubDegree, hub, hubDegree, normal, normalDegree, normalDepth2Relations, pathTo, pathLength,
       hubCounterparty, hubShared, superHubCounterparty, superHubShared`;

export interface PickReport {
  readonly picks: Picks;
  /** The query's whole row, for printing (degrees, shared relations, path length). */
  readonly row: Record<string, unknown>;
}

export async function pickEntities(config: AppConfig): Promise<PickReport> {
  const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.username, config.neo4j.password));
  try {
    const { records } = await driver.executeQuery(
      PICKS_QUERY,
      { hubMin: HUB_MIN, superHubMin: SUPER_HUB_MIN },
      { database: config.neo4j.database },
    );
    if (records.length === 0) throw new Error("the graph has no entity fitting every pick (normal, hub, super hub, path)");
    const row = Object.fromEntries(
      Object.entries(records[0].toObject()).map(([key, value]) => [key, neo4j.isInt(value) ? value.toNumber() : value]),
    );
    const text = (key: string) => String(row[key]);
    return {
      picks: {
        normal: text("normal"),
        hub: text("hub"),
        superHub: text("superHub"),
        hubCounterparty: text("hubCounterparty"),
        superHubCounterparty: text("superHubCounterparty"),
        pathTo: text("pathTo"),
      },
      row,
    };
  } finally {
    await driver.close();
  }
}
