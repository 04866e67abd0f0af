/**
 * Custom scalars. Input values that do not parse are handed on as `InvalidPartialDate` rather
 * than thrown here: graphql-js would report a scalar error without the argument's name and as
 * GRAPHQL_VALIDATION_FAILED, while the argument validators (src/common/validation.ts) report
 * BAD_USER_INPUT naming the argument, for literals and variables alike.
 */
import { GraphQLScalarType, Kind } from "graphql";
import { InvalidPartialDate, isCanonicalPartialDate, PartialDate } from "./partial-date";

export const PartialDateScalar = new GraphQLScalarType({
  name: "PartialDate",
  description:
    'A date known to the year ("2019"), the month ("2019-07") or the day ("2019-07-15"). Its length is its precision: ' +
    '"2019-07" means "some time in July 2019", never 1 July. As an argument it stands for the whole period it names.',
  specifiedByURL: "https://www.iso.org/iso-8601-date-and-time-format.html",
  serialize(value: unknown): string {
    if (typeof value === "string" && isCanonicalPartialDate(value)) return value;
    if (value instanceof PartialDate) return value.toString();
    const parsed = PartialDate.parse(value);
    if (parsed instanceof InvalidPartialDate) throw new TypeError(`PartialDate cannot represent ${String(value)}`);
    return parsed.toString();
  },
  parseValue(value: unknown): PartialDate | InvalidPartialDate {
    return PartialDate.parse(value);
  },
  parseLiteral(ast): PartialDate | InvalidPartialDate {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return PartialDate.parse(ast.value);
    return new InvalidPartialDate(ast.kind, "expected a string");
  },
});
