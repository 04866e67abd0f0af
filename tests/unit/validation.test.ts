/** Argument validation, and its memo of argument sets already found valid. */
import "reflect-metadata";
import { ErrorCode } from "../../src/common/errors";
import { PartialDate } from "../../src/common/partial-date";
import { VALID_ARGUMENT_SETS_REMEMBERED, validateArguments } from "../../src/common/validation";
import { EntityRelationsArgs } from "../../src/relation/relation.args";

const args = (values: Partial<EntityRelationsArgs>) => Object.assign(new EntityRelationsArgs(), values);
const badInput = { extensions: { code: ErrorCode.BAD_USER_INPUT } };

describe("validateArguments", () => {
  it("refuses a bad set every time, before and after good sets of the same class were remembered", async () => {
    await expect(validateArguments(args({ first: 0 }))).rejects.toMatchObject(badInput);
    await validateArguments(args({ first: 10 }));
    await validateArguments(args({ first: 10 }));
    await expect(validateArguments(args({ first: 0 }))).rejects.toMatchObject(badInput);
    await expect(validateArguments(args({ counterparty: "Not A Slug" }))).rejects.toMatchObject(badInput);
  });

  it("refuses an invalid date after a valid date of the same class was remembered", async () => {
    const valid = PartialDate.parse("2019-07");
    const invalid = PartialDate.parse("2019-13");
    await validateArguments(args({ asOf: valid as PartialDate }));
    await expect(validateArguments(args({ asOf: invalid as PartialDate }))).rejects.toMatchObject(badInput);
  });

  it("applies a default for an explicit null before checking, remembered or not", async () => {
    for (let i = 0; i < 2; i++) {
      const nulled = args({ first: null as unknown as number });
      await validateArguments(nulled);
      expect(nulled.first).toBe(new EntityRelationsArgs().first);
    }
  });

  it("keeps checking correctly once more sets than it remembers have passed", async () => {
    for (let first = 1; first <= VALID_ARGUMENT_SETS_REMEMBERED + 10; first++) {
      await validateArguments(args({ first: Math.min(first, 100), after: `cursor-${first}` }));
    }
    await expect(validateArguments(args({ first: 0, after: "cursor-1" }))).rejects.toMatchObject(badInput);
  });
});
