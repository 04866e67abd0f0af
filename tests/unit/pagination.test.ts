import { GraphQLError } from "graphql";
import { decodeCursor, encodeCursor } from "../../src/common/pagination";

describe("cursors", () => {
  it("round-trip their key", () => {
    const cursor = encodeCursor("relation", ["2019-07-01", "microsoft-invests-in-openai-2019-07"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, "relation")).toEqual(["2019-07-01", "microsoft-invests-in-openai-2019-07"]);
  });

  it.each([
    ["garbage", "not base64 JSON"],
    [Buffer.from("[1,2]").toString("base64url"), "JSON without a kind"],
    [encodeCursor("entity", ["openai"]), "a cursor of another list"],
  ])("rejects %s (%s) as BAD_USER_INPUT naming the argument", (cursor) => {
    try {
      decodeCursor(cursor, "relation", "after");
      throw new Error("expected a failure");
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    }
  });
});
