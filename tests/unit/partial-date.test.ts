import { DatePrecision, InvalidPartialDate, isCanonicalPartialDate, PartialDate } from "../../src/common/partial-date";
import { PartialDateScalar } from "../../src/common/scalars";

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

  it("knows a canonical text exactly when parsing it and writing it back gives the same text", () => {
    const texts = ["", "2019 ", " 2019", "20190", "2019-7", "2019-07-1", "2019/07", "2019-07-15T00", "abcd", "0000", "0001"];
    for (const year of ["0004", "0100", "1900", "1999", "2000", "2023", "2024", "9999"]) {
      texts.push(year);
      for (let month = 0; month <= 13; month++) {
        const yearMonth = `${year}-${String(month).padStart(2, "0")}`;
        texts.push(yearMonth);
        for (let day = 0; day <= 32; day++) texts.push(`${yearMonth}-${String(day).padStart(2, "0")}`);
      }
    }
    for (const text of texts) {
      const parsed = PartialDate.parse(text);
      const roundTrips = parsed instanceof PartialDate && parsed.toString() === text;
      expect([text, isCanonicalPartialDate(text)]).toEqual([text, roundTrips]);
      // The scalar answers what it answered before: the text itself, or the same error.
      if (parsed instanceof PartialDate) expect(PartialDateScalar.serialize(text)).toBe(parsed.toString());
      else expect(() => PartialDateScalar.serialize(text)).toThrow(TypeError);
    }
  });

  it("ends February on the 29th in leap years only, as the calendar does", () => {
    expect(PartialDate.from("2024-02").end).toBe("2024-02-29");
    expect(PartialDate.from("2023-02").end).toBe("2023-02-28");
    expect(PartialDate.from("1900-02").end).toBe("1900-02-28");
    expect(PartialDate.from("2000-02").end).toBe("2000-02-29");
    expect(PartialDate.from("2019").end).toBe("2019-12-31");
  });
});
