import { DatePrecision, InvalidPartialDate, PartialDate } from "../../src/common/partial-date";

describe("PartialDate", () => {
  it.each([
    ["2019", DatePrecision.YEAR, "2019-01-01", "2019-12-31"],
    ["2019-07", DatePrecision.MONTH, "2019-07-01", "2019-07-31"],
    ["2024-02", DatePrecision.MONTH, "2024-02-01", "2024-02-29"],
    ["2023-02", DatePrecision.MONTH, "2023-02-01", "2023-02-28"],
    ["2025-06-22", DatePrecision.DAY, "2025-06-22", "2025-06-22"],
  ])("parses %s as %s covering %s..%s", (input, precision, start, end) => {
    const date = PartialDate.from(input);
    expect(date.precision).toBe(precision);
    expect(date.start).toBe(start);
    expect(date.end).toBe(end);
    expect(date.toString()).toBe(input);
  });

  it("accepts a year given as an integer", () => {
    expect(PartialDate.from(String(2020)).toString()).toBe("2020");
    expect((PartialDate.parse(2020) as PartialDate).precision).toBe(DatePrecision.YEAR);
  });

  it.each([
    ["2024-13", "month 13 does not exist"],
    ["2023-02-29", "2023-02 has no day 29"],
    ["2024-00", "month 00 does not exist"],
    ["juillet 2019", "expected YYYY, YYYY-MM or YYYY-MM-DD"],
    ["2019-7", "expected YYYY, YYYY-MM or YYYY-MM-DD"],
    ["0000", "year 0000 does not exist"],
    ["", "expected YYYY, YYYY-MM or YYYY-MM-DD"],
  ])("rejects %j: %s", (input, reason) => {
    const parsed = PartialDate.parse(input);
    expect(parsed).toBeInstanceOf(InvalidPartialDate);
    expect((parsed as InvalidPartialDate).reason).toBe(reason);
  });

  it("rejects values that are not strings", () => {
    expect(PartialDate.parse(true)).toBeInstanceOf(InvalidPartialDate);
    expect(PartialDate.parse({ year: 2019 })).toBeInstanceOf(InvalidPartialDate);
    expect(() => PartialDate.from("nope")).toThrow(RangeError);
  });
});
