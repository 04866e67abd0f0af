import { GraphQLError } from "graphql";
import { decodeCursor, encodeCursor } from "../../src/common/pagination";

const SHAPE = [/^\d{4}-\d{2}-\d{2}$/, /^[a-z-]+$/];

describe("cursors", () => {
  it("round-trip their key", () => {
    const cursor = encodeCursor("relation", ["2019-07-01", "microsoft-invests-in-openai-2019-07"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, "relation", [/^\d{4}-\d{2}-\d{2}$/, /^[a-z0-9-]+$/])).toEqual([
      "2019-07-01",
      "microsoft-invests-in-openai-2019-07",
    ]);
  });

  it.each([
    ["garbage", "not base64 JSON"],
    [Buffer.from("[1,2]").toString("base64url"), "JSON without a kind"],
    [encodeCursor("entity", ["openai"]), "a cursor of another list"],
    [encodeCursor("relation", ["x", 1]), "a key of the wrong shape"],
    [encodeCursor("relation", ["2019-07-01"]), "a key too short"],
    [encodeCursor("relation", ["2019-07-01", "a", "b"]), "a key too long"],
  ])("rejects %s (%s) as BAD_USER_INPUT naming the argument", (cursor) => {
    try {
      decodeCursor(cursor, "relation", SHAPE, "after");
      throw new Error("expected a failure");
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    }
  });
});
