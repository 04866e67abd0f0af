/**
 * Applies `cypher/schema/*.cypher` (constraints and indexes, one auto-commit statement each, as
 * Neo4j requires for schema changes; all idempotent) and imports the seed graph, `data/seed/*`
 * (the article as import files), through the same import as `npm run db:import`: checked whole
 * first, then written; importing again changes nothing. `reset` wipes the graph first.
 */
import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { defaultProjectRoot, type Neo4jConfig } from "../config";
import { mapNeo4jError } from "../graph/neo4j-errors";
import { QueryRunner } from "../graph/query-runner";
import { toNumber } from "../graph/values";
import { Importer, formatProblem } from "../knowledge/importer";
import { KnowledgeRepository } from "../knowledge/knowledge.repository";
import { splitCypherStatements } from "./cypher-script";

export const CYPHER_DIR = path.join(defaultProjectRoot(), "cypher");
export const SEED_DIR = path.join(defaultProjectRoot(), "data", "seed");

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
CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE r.id IS NOT NULL AND type(r) <> 'RETRACTED' RETURN count(r) AS relations }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
RETURN entities, relations, events, sources`;

type Log = (line: string) => void;

export class Seeder {
  private readonly database: string;

  constructor(
    private readonly driver: Driver,
    private readonly neo4j: Neo4jConfig,
    private readonly log: Log = () => undefined,
    private readonly directories = { cypher: CYPHER_DIR, seed: SEED_DIR },
  ) {
    this.database = neo4j.database;
  }

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

  /** Imports every file of the seed directory; refuses the whole seed when any record is wrong. */
  async applySeed(): Promise<GraphCounts> {
    const files = fs
      .readdirSync(this.directories.seed)
      .filter((name) => /\.(jsonl|entities\.csv|relations\.csv)$/.test(name))
      .sort()
      .map((name) => path.join(this.directories.seed, name));
    const importer = new Importer(new KnowledgeRepository(new QueryRunner(this.driver, this.neo4j)));
    const report = await importer.run(files, { log: this.log });
    if (report.problems.length > 0) {
      throw new SeedError(`The seed has ${report.problems.length} problem(s):\n${report.problems.map(formatProblem).join("\n")}`);
    }
    const counts = await this.counts();
    this.log(
      `Seed: the graph has ${counts.entities} entities, ${counts.relations} relations, ` +
        `${counts.events} events, ${counts.sources} source(s).`,
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

  private statementsOf(folder: "schema"): string[] {
    const dir = path.join(this.directories.cypher, folder);
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith(".cypher"))
      .sort()
      .flatMap((name) => splitCypherStatements(fs.readFileSync(path.join(dir, name), "utf8")));
  }
}
