/**
 * `relationTypes`: the metadata clients (the explorer's filters and legend) build from. Every
 * value of the enum is listed, with a family and a colour, even one added without metadata.
 */
import {
  ALL_RELATION_TYPES,
  RELATION_TYPE_GROUPS,
  type RelationType,
  RelationTypeGroup,
  SYMMETRIC_RELATION_TYPES,
  relationTypeMetadata,
} from "../../src/relation/relation-type.enum";
import { createTestServer, type TestServer } from "./test-server";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

describe("relationTypes", () => {
  it("lists every RelationType value once, in the enum's order, with its description, symmetry and family", async () => {
    const result = await server.execute(
      "{ relationTypes { name label description symmetric group { id name description colour } } }",
    );
    expect(result.errors).toBeUndefined();
    const types: any[] = result.data!.relationTypes;
    expect(types.map((type) => type.name)).toEqual([...ALL_RELATION_TYPES]);
    for (const type of types) {
      expect(type.description.length).toBeGreaterThan(10);
      expect(type.symmetric).toBe(SYMMETRIC_RELATION_TYPES.has(type.name));
      expect(type.group.colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(type.group.name).toBe(RELATION_TYPE_GROUPS[type.group.id as RelationTypeGroup].name);
    }
    const investsIn = types.find((type) => type.name === "INVESTS_IN");
    expect(investsIn).toMatchObject({ label: "invests in", symmetric: false, group: { id: "MONEY" } });
    expect(types.find((type) => type.name === "COMPETES_WITH")).toMatchObject({ symmetric: true, group: { id: "DISPUTE" } });
    // Every type the seed uses has a family of its own: OTHER is only for types added without metadata.
    expect(types.filter((type) => type.group.id === "OTHER")).toEqual([]);
  });

  it("gives a type without metadata the OTHER family and a description", () => {
    const added = "MERGES_WITH" as RelationType;
    expect(relationTypeMetadata(added)).toEqual({
      group: RelationTypeGroup.OTHER,
      description: "MERGES_WITH: not described yet.",
    });
  });

  it("is cheap: no Neo4j query", async () => {
    const before = server.runner.calls.length;
    await server.execute("{ relationTypes { name } }");
    expect(server.runner.calls.length).toBe(before);
  });
});
