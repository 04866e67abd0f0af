import { CpuTally, cpuMs } from "../../scripts/bench/cpu";

/** Spins for `ms` of wall time on this thread (CPU the process is charged for). */
function spin(ms: number): void {
  const until = Date.now() + ms;
  let x = 0;
  while (Date.now() < until) x += Math.sqrt(x + 1);
  if (x < 0) throw new Error("unreachable");
}

const onLinux = process.platform === "linux";

describe("the bench's CPU count", () => {
  (onLinux ? it : it.skip)("reads this process's CPU time from /proc, and it grows with work", () => {
    const before = cpuMs(process.pid) as number;
    expect(before).toBeGreaterThan(0);
    spin(300);
    const after = cpuMs(process.pid) as number;
    // 300 ms of spinning is charged at least in part, whatever else the machine runs.
    expect(after - before).toBeGreaterThanOrEqual(50);
  });

  it("answers undefined for no process or one that does not exist", () => {
    expect(cpuMs(undefined)).toBeUndefined();
    expect(cpuMs(2 ** 30)).toBeUndefined();
  });

  (onLinux ? it : it.skip)("charges a measured run to its requests, both processes together", async () => {
    const tally = new CpuTally();
    await tally.measure(process.pid, process.pid, async () => {
      spin(200);
      return 4;
    });
    expect(tally.requests).toBe(4);
    expect(tally.processMs).toBeGreaterThan(0);
    expect(tally.processMs).toBe(tally.neo4jMs);
    expect(tally.perRequest).toBeCloseTo((tally.processMs + tally.neo4jMs) / 4);
  });

  it("is not a number when a process could not be read, rather than a wrong one", async () => {
    const tally = new CpuTally();
    await tally.measure(process.pid, 2 ** 30, async () => 10);
    expect(tally.perRequest).toBeNaN();
  });
});
