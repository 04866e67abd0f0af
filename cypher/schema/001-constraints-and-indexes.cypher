// Constraints and indexes of the knowledge graph. Every statement is idempotent (IF NOT EXISTS),
// so `npm run db:seed` applies this file on every run.

// Stable public ids: entities, events and sources are found by id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;

// Relation ids are unique per relationship type, and the constraint's index finds a relation by
// id. One line per RelationType value (src/relation/relation-type.enum.ts; a test keeps them in step).
CREATE CONSTRAINT invests_in_id IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT invested_total_in_id IF NOT EXISTS FOR ()-[r:INVESTED_TOTAL_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT supplies_cloud_id IF NOT EXISTS FOR ()-[r:SUPPLIES_CLOUD]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT competes_with_id IF NOT EXISTS FOR ()-[r:COMPETES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT investigates_id IF NOT EXISTS FOR ()-[r:INVESTIGATES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT pressures_id IF NOT EXISTS FOR ()-[r:PRESSURES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT holds_stake_id IF NOT EXISTS FOR ()-[r:HOLDS_STAKE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT partners_with_id IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT participates_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT acquires_id IF NOT EXISTS FOR ()-[r:ACQUIRES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT seeks_ip_access_id IF NOT EXISTS FOR ()-[r:SEEKS_IP_ACCESS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT considers_suing_id IF NOT EXISTS FOR ()-[r:CONSIDERS_SUING]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT lobbies_id IF NOT EXISTS FOR ()-[r:LOBBIES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT negotiates_with_id IF NOT EXISTS FOR ()-[r:NEGOTIATES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT tests_models_of_id IF NOT EXISTS FOR ()-[r:TESTS_MODELS_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT founded_id IF NOT EXISTS FOR ()-[r:FOUNDED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT leads_id IF NOT EXISTS FOR ()-[r:LEADS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT has_board_seat_id IF NOT EXISTS FOR ()-[r:HAS_BOARD_SEAT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT offers_to_hire_id IF NOT EXISTS FOR ()-[r:OFFERS_TO_HIRE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT has_technology_access_id IF NOT EXISTS FOR ()-[r:HAS_TECHNOLOGY_ACCESS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT licenses_id IF NOT EXISTS FOR ()-[r:LICENSES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT develops_id IF NOT EXISTS FOR ()-[r:DEVELOPS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT integrates_id IF NOT EXISTS FOR ()-[r:INTEGRATES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT party_to_id IF NOT EXISTS FOR ()-[r:PARTY_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT restructures_into_id IF NOT EXISTS FOR ()-[r:RESTRUCTURES_INTO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT challenges_id IF NOT EXISTS FOR ()-[r:CHALLENGES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT files_with_id IF NOT EXISTS FOR ()-[r:FILES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT cites_as_risk_id IF NOT EXISTS FOR ()-[r:CITES_AS_RISK]-() REQUIRE r.id IS UNIQUE;

// Filters: entities by kind, events by date.
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);
CREATE INDEX event_date_start IF NOT EXISTS FOR (e:Event) ON (e.dateStart);

// Search over names and aliases, English and French; the folding analyzer ignores accents
// ("commission europeenne" finds "Commission européenne").
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};

// Curation (src/curation, src/history). The change log: one (:Change) per write, numbered from
// the (:ChangeLog) counter in the writing transaction, so `seq` order is commit order and the
// instances that follow the log (subscriptions) miss none. An idempotency key is used once.
CREATE CONSTRAINT change_log_id IF NOT EXISTS FOR (l:ChangeLog) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT change_idempotency_key IF NOT EXISTS FOR (c:Change) REQUIRE c.idempotencyKey IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
CREATE INDEX change_by IF NOT EXISTS FOR (c:Change) ON (c.by);
// Earlier states of a relation or an entity, for reads `knownAt` an instant before a correction.
CREATE INDEX revision_subject IF NOT EXISTS FOR (v:Revision) ON (v.subject);
// A merged entity keeps its node (label MergedEntity) so its id resolves to the survivor.
CREATE CONSTRAINT merged_entity_id IF NOT EXISTS FOR (m:MergedEntity) REQUIRE m.id IS UNIQUE;
// Retracted relations keep every property under this one type (never expanded by default reads).
CREATE INDEX retracted_id IF NOT EXISTS FOR ()-[r:RETRACTED]-() ON (r.id);

// API keys: only a hash of each key is stored; a key is found by its hash.
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE;
CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.name IS UNIQUE;
