// Derived, queryable dates. The seed states partial dates as text ("2019", "2019-07"); filters
// need real dates. A relation counts as in force from the first day of its start period
// (validFrom, else attestedFrom) to the last day of its end period (validTo), inclusive.
MATCH (:Entity)-[r]->(:Entity)
WHERE r.sourceId IS NOT NULL
WITH r, coalesce(r.attestedFrom, r.validFrom) AS attested
SET r.attestedFrom = attested,
    r.periodStart = date(coalesce(r.validFrom, attested)),
    r.periodEnd = CASE
      WHEN r.validTo IS NULL THEN null
      WHEN size(r.validTo) = 4 THEN date(r.validTo) + duration('P1Y') - duration('P1D')
      WHEN size(r.validTo) = 7 THEN date(r.validTo) + duration('P1M') - duration('P1D')
      ELSE date(r.validTo)
    END;

MATCH (ev:Event)
SET ev.dateStart = date(ev.date),
    ev.dateEnd = CASE
      WHEN size(ev.date) = 4 THEN date(ev.date) + duration('P1Y') - duration('P1D')
      WHEN size(ev.date) = 7 THEN date(ev.date) + duration('P1M') - duration('P1D')
      ELSE date(ev.date)
    END;
