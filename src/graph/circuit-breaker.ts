/**
 * Remembers that Neo4j is unreachable, so that during an outage requests are answered
 * SERVICE_UNAVAILABLE at once instead of each waiting out a connection timeout and the driver's
 * retries (which piled up requests, filled the queues and delayed recovery by seconds once Neo4j
 * was back). While open, one call at a time is let through every `probeIntervalMs` as a probe;
 * its success closes the breaker, so service resumes within about one interval of Neo4j's return.
 *
 * It opens after `threshold` failures in a row with no success between them: one broken
 * connection (a restarted Neo4j leaves some) must not turn every queued request away.
 */
export class CircuitBreaker {
  private open = false;
  private probing = false;
  private lastFailureAt = 0;
  private failuresInARow = 0;

  constructor(
    private readonly probeIntervalMs: number,
    private readonly threshold = 3,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** Milliseconds since the failure that opened the breaker (for the error message). */
  get openForMs(): number {
    return this.open ? Date.now() - this.lastFailureAt : 0;
  }

  /** Whether `admit` would let a call through now (it changes nothing). */
  wouldAdmit(): boolean {
    return !this.open || (!this.probing && Date.now() - this.lastFailureAt >= this.probeIntervalMs);
  }

  /**
   * Whether a call may go to Neo4j now; when the breaker is open, true for one probe at a time.
   * A caller told true must report `succeeded` or `failed`, or release the probe with `settled`.
   */
  admit(): { admitted: boolean; probe: boolean } {
    if (!this.open) return { admitted: true, probe: false };
    if (!this.wouldAdmit()) return { admitted: false, probe: false };
    this.probing = true;
    return { admitted: true, probe: true };
  }

  succeeded(): void {
    this.open = false;
    this.probing = false;
    this.failuresInARow = 0;
  }

  /** Neo4j could not be reached or did not answer. A failed probe reopens at once. */
  failed(): void {
    this.failuresInARow += 1;
    this.lastFailureAt = Date.now();
    if (this.open || this.failuresInARow >= this.threshold) this.open = true;
    this.probing = false;
  }

  /** A probe ended with neither verdict (e.g. its request was aborted): let another one try. */
  settled(probe: boolean): void {
    if (probe) this.probing = false;
  }
}
