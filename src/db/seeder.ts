/**
 * Applies `cypher/schema/*.cypher` (constraints and indexes, one auto-commit statement each, as
 * Neo4j requires for schema changes) and `cypher/seed/*.cypher` (all in one write transaction,
 * so a failing seed leaves the graph as it was). Every file is idempotent: applying twice
 * changes nothing. The seed creates what is missing and never overwrites or deletes what is
 * there, so edits made to the graph by hand survive a restart; `reset` wipes the graph first.
 */
import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { defaultProjectRoot } from "../config";
import { mapNeo4jError } from "../graph/neo4j-errors";
import { toNumber, toStringList } from "../graph/values";
import { splitCypherStatements } from "./cypher-script";

export const CYPHER_DIR = path.join(defaultProjectRoot(), "cypher");

export interface GraphCounts {
  readonly entities: number;
  readonly relations: number;
  readonly events: number;
  readonly sources: number;
}

export class SeedError extends Error {
  override readonly name = "SeedError";
}

const COUNTS = `
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relations }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
RETURN entities, relations, events, sources`;

/** Ids the seed MERGEd as endpoints but never defined: misspellings in a seed file. */
const UNDEFINED_ENTITIES = `MATCH (e:Entity) WHERE e.name IS NULL RETURN collect(e.id) AS ids`;

/** A relation must say where it comes from. */
const UNSOURCED_RELATIONS = `
MATCH (:Entity)-[r]->(:Entity)
WHERE r.sourceId IS NULL OR r.status IS NULL OR r.quotes IS NULL OR size(r.quotes) = 0 OR r.periodStart IS NULL
   OR (r.amount IS NOT NULL AND (r.currency IS NULL OR r.amountMeasure IS NULL))
RETURN collect(coalesce(r.id, type(r))) AS ids`;

/** Relation ids are unique per type by constraint; across types only this check keeps them so. */
const DUPLICATE_RELATION_IDS = `
MATCH (:Entity)-[r]->(:Entity)
WHERE r.id IS NOT NULL
WITH r.id AS id, count(*) AS uses WHERE uses > 1
RETURN collect(id) AS ids`;

type Log = (line: string) => void;

export class Seeder {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly log: Log = () => undefined,
    private readonly directory = CYPHER_DIR,
  ) {}

  async applySchema(): Promise<number> {
    const statements = this.statementsOf("schema");
    const session = this.driver.session({ database: this.database });
    try {
      for (const statement of statements) await session.run(statement);
      await session.run("CALL db.awaitIndexes(300)");
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
    this.log(`Schema: ${statements.length} constraints and indexes in place.`);
    return statements.length;
  }

  async applySeed(): Promise<GraphCounts> {
    const statements = this.statementsOf("seed");
    const session = this.driver.session({ database: this.database });
    try {
      await session.executeWrite(async (tx) => {
        for (const statement of statements) await tx.run(statement);
        const undefinedIds = toStringList((await tx.run(UNDEFINED_ENTITIES)).records[0].get("ids"));
        if (undefinedIds.length > 0) {
          throw new SeedError(`The seed links entities it never defines (misspelt ids?): ${undefinedIds.join(", ")}`);
        }
        const duplicates = toStringList((await tx.run(DUPLICATE_RELATION_IDS)).records[0].get("ids"));
        if (duplicates.length > 0) {
          throw new SeedError(`Relation ids used by more than one relation: ${duplicates.join(", ")}`);
        }
        const unsourced = toStringList((await tx.run(UNSOURCED_RELATIONS)).records[0].get("ids"));
        if (unsourced.length > 0) {
          throw new SeedError(`Relations without status, source, quotes, dates, or an amount's currency and measure: ${unsourced.join(", ")}`);
        }
      });
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
    const counts = await this.counts();
    this.log(
      `Seed: ${statements.length} statements applied; the graph has ${counts.entities} entities, ` +
        `${counts.relations} relations, ${counts.events} events, ${counts.sources} source(s).`,
    );
    return counts;
  }

  /** Deletes every node and relationship (in batches, so a big graph fits in memory); keeps the schema. */
  async reset(): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
    this.log("Reset: the graph is empty.");
  }

  async counts(): Promise<GraphCounts> {
    const session = this.driver.session({ database: this.database });
    try {
      const record = (await session.executeRead((tx) => tx.run(COUNTS))).records[0];
      return {
        entities: toNumber(record.get("entities")) ?? 0,
        relations: toNumber(record.get("relations")) ?? 0,
        events: toNumber(record.get("events")) ?? 0,
        sources: toNumber(record.get("sources")) ?? 0,
      };
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  private statementsOf(folder: "schema" | "seed"): string[] {
    const dir = path.join(this.directory, folder);
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith(".cypher"))
      .sort()
      .flatMap((name) => splitCypherStatements(fs.readFileSync(path.join(dir, name), "utf8")));
  }
}
