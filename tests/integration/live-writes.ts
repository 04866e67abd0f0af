/**
 * Writes for the live-update tests, until the curation mutations exist: each is one write
 * transaction that changes the graph and appends its change record (src/history/change-log.ts),
 * as every mutation does. A new relation copies the facts of a seeded one (so it reads like any
 * relation); a retraction stores the relation under RETRACTED, keeping its type in `retractedType`.
 */
import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { appendChange, nextChange } from "../../src/history/change-log";
import { assertRelationType, type RelationType } from "../../src/relation/relation-type.enum";

export interface WrittenChange {
  readonly seq: number;
  readonly relationId: string;
}

export type LiveWrite =
  { readonly from: string; readonly type: `${RelationType}`; readonly newEntity: string } | { readonly retract: string };

export async function writeChange(driver: Driver, write: LiveWrite): Promise<WrittenChange> {
  const session = driver.session();
  try {
    return await session.executeWrite(async (tx) => {
      const numbered = await nextChange(tx);
      if ("retract" in write) {
        const found = await tx.run(
          `MATCH (a:Entity)-[r {id: $id}]->(b:Entity)
           CREATE (a)-[x:RETRACTED]->(b) SET x = r {.*, retractedType: type(r), retractedAt: datetime($at)}
           WITH a, b, r, type(r) AS type DELETE r
           RETURN a.id AS from, b.id AS to, type`,
          { id: write.retract, at: numbered.at },
        );
        const record = found.records[0];
        await appendChange(tx, numbered, {
          by: "live-test",
          operation: "test.retractRelation",
          reason: "a test retracts it",
          entityIds: [record.get("from"), record.get("to")],
          relationIds: [write.retract],
          relationTypes: [record.get("type")],
          removedRelationIds: [write.retract],
        });
        return { seq: numbered.seq, relationId: write.retract };
      }
      const type = assertRelationType(write.type as RelationType);
      const relationId = `${write.from}-${type.toLowerCase().replace(/_/g, "-")}-${write.newEntity}-${randomUUID().slice(0, 8)}`;
      await tx.run(
        `MATCH (a:Entity {id: $from})
         CREATE (b:Entity {id: $newId, name: $newId, kind: 'COMPANY', aliases: [], description: 'Made by a live-update test.'})
         WITH a, b
         MATCH ()-[old:INVESTS_IN]->() WITH a, b, old LIMIT 1
         CREATE (a)-[r:${type}]->(b) SET r = old {.*, id: $relationId, agreementId: null}`,
        { from: write.from, newId: write.newEntity, relationId },
      );
      await appendChange(tx, numbered, {
        by: "live-test",
        operation: "test.assertRelation",
        reason: "a test asserts it",
        entityIds: [write.from, write.newEntity],
        relationIds: [relationId],
        relationTypes: [type],
      });
      return { seq: numbered.seq, relationId };
    });
  } finally {
    await session.close();
  }
}
