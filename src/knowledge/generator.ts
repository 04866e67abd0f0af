/**
 * A synthetic knowledge graph in the import format (docs/import-format.md), for the import
 * benchmark and for tests (`npm run db:generate`). Same options, same bytes: every choice comes
 * from one seeded PRNG (sfc32, never Math.random) consumed in a fixed order, or from pure
 * functions of an entity's index, so nothing depends on time, locale or iteration order of maps.
 *
 * Memory is bounded by the number of entities (a kind code and an ordinal, 5 bytes each, plus a
 * cache of names up to 2M entities), never by the number of relations: records are yielded one at
 * a time, and a relation recomputes the names it needs from its endpoints' indices.
 *
 * Degree distribution. Both endpoints of a relation are drawn from a Zipf–Mandelbrot law of
 * exponent 1 over entity ranks: P(rank k) = ln((k+1+q)/(k+q)) / ln((N+q)/q), i.e. the density
 * 1/(x+q) integrated over [k, k+1), sampled exactly by inverting its CDF (one expm1 per draw).
 * The offset q is solved per N so that the top-ranked entity takes HUB_SHARE of all relations
 * (about 5,000 of 1,000,000; 1,000 of 200,000); the next ranks decay slowly (the top 10 are all
 * within ~15% of the top), then the tail follows 1/k, so at 100k entities / 1M relations the
 * median entity has ~6 relations. Ranks are mapped to entity indices by an affine permutation
 * so the hubs are scattered through the ids, and the hubs are companies.
 *
 * Super hubs. The law above never makes one entity much bigger than the next (at 1M relations
 * the top hubs hold ~4,200–4,900 each), but a real graph has a Microsoft. `superHubs: N` gives
 * the N top-ranked entities `superHubRelations` more relations each (default 20,000, so ~25,000
 * in all at 1M), to counterparties drawn uniformly, appended after the power-law relations with
 * the following ids. They come from a PRNG stream of their own: with or without them, every
 * other record is the same, byte for byte; without them (the default) the output is unchanged.
 */
import { EntityKind } from "../entity/entity-kind.enum";
import { AmountMeasure } from "../relation/amount-measure.enum";
import { RelationStatus } from "../relation/relation-status.enum";
import { RelationType, SYMMETRIC_RELATION_TYPES } from "../relation/relation-type.enum";

export interface GeneratorOptions {
  readonly entities: number;
  readonly relations: number;
  readonly seed: number;
  /** Number of source documents (default 20). */
  readonly sources?: number;
  /** Top-ranked entities given `superHubRelations` extra relations each (default 0; see the file comment). */
  readonly superHubs?: number;
  /** Extra relations of each super hub (default SUPER_HUB_RELATIONS). */
  readonly superHubRelations?: number;
}

export interface PlannedCounts {
  readonly sources: number;
  readonly entities: number;
  readonly relations: number;
  readonly events: number;
}

export const DEFAULT_SOURCES = 20;
/** Extra relations of a super hub: with the ~5,000 of the top hub at 1M relations, about 25,000. */
export const SUPER_HUB_RELATIONS = 20_000;
/** Share of all relations the top hub takes part in. */
export const HUB_SHARE = 0.005;
/** The affine rank permutation multiplies indices below this bound; 10^7 squared stays exact in a double. */
export const MAX_ENTITIES = 10_000_000;
export const MAX_RELATIONS = 1_000_000_000;
export const MAX_SOURCES = 10_000;
const SENTENCES_PER_SOURCE = 48;
/** Ranks below this are companies: the hubs of a market graph are firms, not laws. */
const COMPANY_RANKS = 20;

/** How many records of each kind `generateRecords` yields; throws RangeError on bad options. */
export function plannedCounts(options: GeneratorOptions): PlannedCounts {
  const sources = options.sources ?? DEFAULT_SOURCES;
  const superHubs = options.superHubs ?? 0;
  const superHubRelations = options.superHubRelations ?? SUPER_HUB_RELATIONS;
  checkInteger("entities", options.entities, 0, MAX_ENTITIES);
  checkInteger("relations", options.relations, 0, MAX_RELATIONS);
  checkInteger("sources", sources, 1, MAX_SOURCES);
  checkInteger("superHubs", superHubs, 0, options.entities);
  checkInteger("superHubRelations", superHubRelations, 0, MAX_RELATIONS);
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be an integer; got ${options.seed}`);
  const relations = options.relations + superHubs * superHubRelations;
  if (relations > MAX_RELATIONS) {
    throw new RangeError(`relations must be an integer from 0 to ${MAX_RELATIONS}, super hubs' included; got ${relations}`);
  }
  if (relations > 0 && options.entities < 2) {
    throw new RangeError(
      `entities must be at least 2 when there are relations (a relation links two different entities); got ${options.entities}`,
    );
  }
  const events = options.entities === 0 ? 0 : Math.max(1, Math.floor(options.entities / 1000));
  return { sources, entities: options.entities, relations, events };
}

/**
 * A generated record as one line of the format, without the newline: exactly
 * `JSON.stringify(record)` (the unit tests compare the two on every record). Relations, nine
 * records in ten, are written field by field in the format's order: about a third faster than
 * Node 20's JSON.stringify, which is most of the time spent writing a million relations.
 */
export function formatRecord(record: Record<string, unknown>): string {
  return record.record === "relation" ? formatRelation(record) : JSON.stringify(record);
}

/** Characters JSON.stringify escapes: quote, backslash, controls, and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: unknown): string {
  return typeof text === "string" && !NEEDS_ESCAPE.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * Quotes are a few hundred sentences each written thousands of times: their JSON is kept, up to
 * a bound so that a long-lived process generating many graphs does not grow without limit.
 */
const QUOTED_SENTENCES = new Map<unknown, string>();
const QUOTED_SENTENCES_LIMIT = 20_000;

function quoteSentence(text: unknown): string {
  let quoted = QUOTED_SENTENCES.get(text);
  if (quoted === undefined) {
    quoted = quote(text);
    if (QUOTED_SENTENCES.size < QUOTED_SENTENCES_LIMIT) QUOTED_SENTENCES.set(text, quoted);
  }
  return quoted;
}

function formatRelation(r: Record<string, unknown>): string {
  let out = `{"record":"relation","id":${quote(r.id)},"type":${quote(r.type)},"from":${quote(r.from)},"to":${quote(r.to)}`;
  out += `,"status":${quote(r.status)},"description":${quote(r.description)}`;
  if (r.validFrom !== undefined) out += `,"validFrom":${quote(r.validFrom)}`;
  if (r.validTo !== undefined) out += `,"validTo":${quote(r.validTo)}`;
  if (r.attestedFrom !== undefined) out += `,"attestedFrom":${quote(r.attestedFrom)}`;
  if (r.expectedBy !== undefined) out += `,"expectedBy":${quote(r.expectedBy)}`;
  if (r.amount !== undefined) out += `,"amount":${JSON.stringify(r.amount)}`;
  if (r.stakePercent !== undefined) out += `,"stakePercent":${JSON.stringify(r.stakePercent)}`;
  if (r.exclusive !== undefined) out += `,"exclusive":${JSON.stringify(r.exclusive)}`;
  if (r.role !== undefined) out += `,"role":${quote(r.role)}`;
  if (r.agreement !== undefined) out += `,"agreement":${quote(r.agreement)}`;
  out += ',"references":[';
  const references = r.references as Array<Record<string, unknown>>;
  for (let i = 0; i < references.length; i++) {
    const reference = references[i];
    out += `${i === 0 ? "" : ","}{"source":${quote(reference.source)},"quotes":[`;
    const quotes = reference.quotes as unknown[];
    for (let j = 0; j < quotes.length; j++) out += (j === 0 ? "" : ",") + quoteSentence(quotes[j]);
    out += "]";
    if (reference.note !== undefined) out += `,"note":${quote(reference.note)}`;
    if (reference.inferred !== undefined) out += `,"inferred":${JSON.stringify(reference.inferred)}`;
    out += "}";
  }
  return out + "]}";
}

/** Sources, then entities, then relations, then events, so an importer can write in one pass. */
export function* generateRecords(options: GeneratorOptions): Generator<Record<string, unknown>> {
  const counts = plannedCounts(options);
  const random = new Random(options.seed);
  const graph = new EntityTable(counts.entities, random);
  const endpoints = new EndpointSampler(counts.entities, graph.rankToIndex);

  const texts: SourceText[] = [];
  const sourceWidth = Math.max(2, String(counts.sources).length);
  for (let i = 0; i < counts.sources; i++) {
    const source = makeSource(i, sourceWidth, random);
    texts.push(source.text);
    yield source.record;
  }
  const references = new ReferenceMaker(texts, random);

  for (let i = 0; i < counts.entities; i++) yield makeEntity(i, graph, random);

  const relationIds = new PaddedIds("r-", Math.max(7, String(counts.relations).length), counts.relations);
  for (let i = 0; i < options.relations; i++) {
    yield makeRelation(relationIds.get(i), graph, endpoints, references, random);
  }
  // Super hubs draw from a stream of their own, so every other record stays as without them.
  const superHubs = options.superHubs ?? 0;
  if (superHubs > 0) {
    const extra = new Random(options.seed, SUPER_HUB_STREAM);
    const extraReferences = new ReferenceMaker(texts, extra);
    let next = options.relations;
    for (let rank = 0; rank < superHubs; rank++) {
      const hub = graph.rankToIndex(rank);
      for (let j = 0; j < (options.superHubRelations ?? SUPER_HUB_RELATIONS); j++) {
        let other = extra.int(counts.entities);
        while (other === hub) other = extra.int(counts.entities);
        const ends: [number, number] = extra.chance(0.5) ? [hub, other] : [other, hub];
        yield makeRelation(relationIds.get(next++), graph, endpoints, extraReferences, extra, ends);
      }
    }
  }

  const eventIds = new PaddedIds("ev-", Math.max(4, String(counts.events).length), counts.events);
  for (let i = 0; i < counts.events; i++) yield makeEvent(eventIds.get(i), graph, endpoints, references, random);
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}; got ${value}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** The PRNG stream of super hubs' relations (0 is the main stream). */
const SUPER_HUB_STREAM = 1;

/**
 * sfc32: small, fast, passes PractRand; seeded through splitmix32 so nearby seeds diverge. A
 * `stream` other than 0 gives an independent sequence for the same seed.
 */
class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    let state = (mix32(seed >>> 0) ^ mix32(Math.floor(seed / 4294967296) + 0x9e3779b9)) | 0;
    if (stream !== 0) state = (state ^ mix32(stream + 0x6a09e667)) | 0;
    const next = (): number => {
      state = (state + 0x9e3779b9) | 0;
      return mix32(state) | 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.float() * list.length)];
  }
}

/** murmur3's finaliser: a bijective 32-bit mix. */
function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly values: T[] = [];
  private total = 0;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    for (const [value, weight] of entries) {
      if (weight <= 0) continue;
      this.total += weight;
      this.cumulative.push(this.total);
      this.values.push(value);
    }
  }

  pick(random: Random): T {
    const target = random.float() * this.total;
    for (let i = 0; i < this.cumulative.length; i++) if (target < this.cumulative[i]) return this.values[i];
    return this.values[this.values.length - 1];
  }
}

const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));

/**
 * Ids "e-000042" for indices 0.. (numbered from 1), without a number-to-string conversion and a
 * padStart per id (a third of the generation time otherwise): the thousands are formatted once.
 */
class PaddedIds {
  private readonly thousands: string[];

  constructor(prefix: string, width: number, count: number) {
    const high = Math.max(0, width - 3);
    this.thousands = Array.from(
      { length: Math.floor(count / 1000) + 1 },
      (_, i) => prefix + (high === 0 ? "" : String(i).padStart(high, "0")),
    );
  }

  /** The id of index (0-based): its number is index + 1. */
  get(index: number): string {
    const number = index + 1;
    const low = number % 1000;
    return this.thousands[(number - low) / 1000] + THREE_DIGITS[low];
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The smallest integer >= start that is coprime with n: the multiplier of a bijection mod n. */
function coprimeFrom(start: number, n: number): number {
  let value = Math.max(1, start);
  while (gcd(value, n) !== 1) value++;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Degree distribution

/** Draws entity indices with P(rank k) = ln((k+1+q)/(k+q)) / ln((N+q)/q); see the file comment. */
class EndpointSampler {
  private readonly offset: number;
  private readonly logRange: number;
  private readonly uniform: boolean;

  constructor(
    private readonly n: number,
    private readonly rankToIndex: (rank: number) => number,
  ) {
    this.offset = solveOffset(n, HUB_SHARE / 2);
    this.uniform = !Number.isFinite(this.offset);
    this.logRange = this.uniform ? 0 : Math.log1p(n / this.offset);
  }

  draw(random: Random): number {
    if (this.uniform) return this.rankToIndex(random.int(this.n));
    const rank = Math.floor(this.offset * Math.expm1(random.float() * this.logRange));
    return this.rankToIndex(rank < this.n ? rank : this.n - 1);
  }
}

/**
 * The offset q for which rank 0 gets `share` of the draws (each relation draws two endpoints, so
 * half of HUB_SHARE). The share falls from 1 towards 1/N as q grows; when even 1/N is too much
 * (fewer than 1/share entities), the draw is uniform (q = Infinity).
 */
function solveOffset(n: number, share: number): number {
  const top = (q: number): number => Math.log1p(1 / q) / Math.log1p(n / q);
  if (n < 2 || top(Math.exp(40)) >= share) return Infinity;
  let low = -10;
  let high = 40;
  for (let i = 0; i < 100; i++) {
    const middle = (low + high) / 2;
    if (top(Math.exp(middle)) > share) low = middle;
    else high = middle;
  }
  return Math.exp((low + high) / 2);
}

// ---------------------------------------------------------------------------------------------
// Entities

const KINDS = Object.values(EntityKind) as string[];
const KIND_WEIGHTS: Record<string, number> = {
  COMPANY: 45,
  PERSON: 20,
  PRODUCT: 13,
  AI_MODEL: 10,
  PROJECT: 5,
  REGULATOR: 3,
  LEGISLATION: 2,
  AGREEMENT: 2,
};
const COMPANY_CODE = KINDS.indexOf(EntityKind.COMPANY);
/** Up to this many entities, names are cached (some 50 bytes each). */
const NAME_CACHE_LIMIT = 2_000_000;
/** AGREEMENT is in the format but may not be in the enum yet; relations name one only when it is. */
const AGREEMENT_CODE = KINDS.indexOf("AGREEMENT");

/**
 * What relations need to know of every entity without holding its record: its kind and its
 * ordinal within that kind (from which its name is recomputed), plus the rank permutation.
 */
class EntityTable {
  readonly kinds: Uint8Array;
  readonly ordinals: Uint32Array;
  readonly agreements: number[] = [];
  readonly rankToIndex: (rank: number) => number;
  private readonly ids: PaddedIds;
  /** Names are recomputed for every relation, hubs thousands of times: cached while the cache stays small. */
  private readonly names: string[] | undefined;

  constructor(
    readonly n: number,
    random: Random,
  ) {
    this.ids = new PaddedIds("e-", Math.max(6, String(n).length), n);
    this.names = n <= NAME_CACHE_LIMIT ? new Array<string>(n) : undefined;
    // index = (rank * multiplier + shift) mod n: a bijection when gcd(multiplier, n) = 1.
    const multiplier = n > 1 ? coprimeFrom(Math.floor(n * 0.6180339887) + random.int(64), n) : 1;
    const shift = n > 0 ? random.int(n) : 0;
    this.rankToIndex = (rank) => (rank * multiplier + shift) % n;

    const kindPicker = new Weighted(KINDS.map((kind, code) => [code, KIND_WEIGHTS[kind] ?? 1] as const));
    this.kinds = new Uint8Array(n);
    // Small graphs keep their variety of kinds.
    const companyRanks = Math.min(COMPANY_RANKS, Math.floor(n / 100));
    for (let rank = 0; rank < n; rank++) {
      this.kinds[this.rankToIndex(rank)] = rank < companyRanks ? COMPANY_CODE : kindPicker.pick(random);
    }
    this.ordinals = new Uint32Array(n);
    const counts = new Array<number>(KINDS.length).fill(0);
    for (let index = 0; index < n; index++) {
      this.ordinals[index] = counts[this.kinds[index]]++;
      if (this.kinds[index] === AGREEMENT_CODE) this.agreements.push(index);
    }
  }

  id(index: number): string {
    return this.ids.get(index);
  }

  kind(index: number): string {
    return KINDS[this.kinds[index]];
  }

  name(index: number): string {
    const cache = this.names;
    if (cache === undefined) return nameOf(KINDS[this.kinds[index]], this.ordinals[index]);
    return (cache[index] ??= nameOf(KINDS[this.kinds[index]], this.ordinals[index]));
  }
}

// Coined names: a consonant-final syllable and a vowel-initial one ("Vel" + "ora").
const SYL_A = [
  "Ab",
  "Al",
  "Ar",
  "Bel",
  "Bor",
  "Cal",
  "Cor",
  "Dal",
  "Del",
  "El",
  "Fen",
  "Gal",
  "Hal",
  "Il",
  "Jor",
  "Kel",
  "Lum",
  "Mar",
  "Nor",
  "Ol",
  "Pel",
  "Quin",
  "Ral",
  "Sel",
  "Tor",
  "Ul",
  "Val",
  "Ver",
  "Wen",
  "Xan",
  "Yor",
  "Zel",
  "Ast",
  "Brin",
  "Cyr",
  "Dorn",
  "Ev",
  "Fal",
  "Grim",
  "Hest",
];
const SYL_B = [
  "ara",
  "ent",
  "ion",
  "ora",
  "ium",
  "ex",
  "ix",
  "on",
  "is",
  "ata",
  "eon",
  "yx",
  "ano",
  "ica",
  "ova",
  "elle",
  "ine",
  "ar",
  "ias",
  "ona",
  "ule",
  "ero",
  "ith",
  "os",
  "ana",
  "ect",
  "era",
  "una",
  "ak",
  "esk",
];
const GIVEN = [
  "Maria",
  "James",
  "Aiko",
  "Lena",
  "Omar",
  "Sofia",
  "Daniel",
  "Priya",
  "Lucas",
  "Ingrid",
  "Mateo",
  "Chloe",
  "Yusuf",
  "Hannah",
  "Kenji",
  "Amara",
  "Felix",
  "Elena",
  "Tomas",
  "Nadia",
  "Samuel",
  "Clara",
  "Arjun",
  "Zoe",
  "Henrik",
  "Leila",
  "Victor",
  "Mei",
  "Oscar",
  "Alice",
  "Rafael",
  "Greta",
  "Idris",
  "Julia",
  "Marco",
  "Sara",
  "Noah",
  "Ines",
  "Pavel",
  "Ruth",
];
const FAMILY_END = [
  "berg",
  "son",
  "ford",
  "ley",
  "mann",
  "wood",
  "ton",
  "field",
  "ström",
  "ez",
  "ini",
  "ova",
  "sky",
  "dale",
  "stein",
  "well",
  "holm",
  "ard",
  "ner",
  "by",
];
const COMPANY_WORDS = [
  "Systems",
  "Labs",
  "Dynamics",
  "Networks",
  "Robotics",
  "Analytics",
  "Semiconductor",
  "Capital",
  "Ventures",
  "Holdings",
  "Technologies",
  "Computing",
  "Cloud Services",
  "Intelligence",
  "Data",
  "Software",
  "Microsystems",
  "Partners",
  "Energy",
  "Telecom",
  "Media",
  "Research",
  "Devices",
  "Security",
  "Logistics",
  "Health",
  "Finance",
  "Quantum",
  "Digital",
  "Group",
];
const PRODUCT_WORDS = [
  "Studio",
  "Assistant",
  "Cloud",
  "Search",
  "Workspace",
  "Copilot",
  "Engine",
  "Hub",
  "Vision",
  "Connect",
  "Console",
  "Platform",
  "Drive",
  "Chat",
  "Insights",
  "Builder",
  "Stream",
  "Mail",
  "Maps",
  "Pay",
  "Shield",
  "Notes",
  "Translate",
  "Code",
  "Agent",
];
const MODEL_VERSIONS = [
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "10",
  "1.5",
  "2.5",
  "3.5",
  "4o",
  "Mini",
  "Pro",
  "Ultra",
  "Nano",
  "Lite",
  "Max",
  "XL",
  "Turbo",
  "Flash",
  "Vision",
  "Coder",
  "Instruct",
  "Chat",
  "Reasoner",
  "Edge",
  "Large",
];
const PROJECT_WORDS = [
  "Initiative",
  "Programme",
  "Consortium",
  "Alliance",
  "Campus",
  "Compute Cluster",
  "Moonshot",
  "Venture",
  "Network",
  "Project",
];
const REGULATOR_AREAS = [
  "Competition",
  "Digital Markets",
  "Data Protection",
  "Consumer",
  "Telecommunications",
  "Financial Conduct",
  "AI Safety",
  "Trade",
  "Securities",
  "Communications",
];
const REGULATOR_WORDS = ["Authority", "Commission", "Office", "Agency", "Board", "Council", "Tribunal", "Directorate"];
const LAW_TOPICS = [
  "Data",
  "AI",
  "Digital Services",
  "Digital Markets",
  "Cloud",
  "Chips",
  "Online Safety",
  "Cybersecurity",
  "Competition",
  "Copyright",
  "Privacy",
  "Platform",
];
const LAW_WORDS = ["Act", "Regulation", "Directive", "Code", "Law", "Bill"];
const AGREEMENT_WORDS = ["Framework Agreement", "Accord", "Pact", "Memorandum", "Charter", "Treaty", "Compact", "Convention"];

/** A pattern per kind: three word lists whose product is the number of distinct names before a numeral is added. */
interface NamePattern {
  readonly sizes: readonly [number, number, number];
  readonly format: (a: number, b: number, c: number) => string;
}

const NAME_PATTERNS: Record<string, NamePattern> = {
  COMPANY: {
    sizes: [SYL_A.length, SYL_B.length, COMPANY_WORDS.length],
    format: (a, b, c) => `${SYL_A[a]}${SYL_B[b]} ${COMPANY_WORDS[c]}`,
  },
  PERSON: {
    sizes: [GIVEN.length, SYL_A.length, FAMILY_END.length],
    format: (a, b, c) => `${GIVEN[a]} ${SYL_A[b]}${FAMILY_END[c]}`,
  },
  PRODUCT: {
    sizes: [SYL_A.length, SYL_B.length, PRODUCT_WORDS.length],
    format: (a, b, c) => `${SYL_A[a]}${SYL_B[b]} ${PRODUCT_WORDS[c]}`,
  },
  AI_MODEL: {
    sizes: [SYL_A.length, SYL_B.length, MODEL_VERSIONS.length],
    format: (a, b, c) => `${SYL_A[a]}${SYL_B[b]}-${MODEL_VERSIONS[c]}`,
  },
  PROJECT: {
    sizes: [SYL_A.length, SYL_B.length, PROJECT_WORDS.length],
    format: (a, b, c) => `${SYL_A[a]}${SYL_B[b]} ${PROJECT_WORDS[c]}`,
  },
  REGULATOR: {
    sizes: [SYL_A.length * SYL_B.length, REGULATOR_AREAS.length, REGULATOR_WORDS.length],
    format: (a, b, c) =>
      `${SYL_A[a % SYL_A.length]}${SYL_B[Math.floor(a / SYL_A.length)]} ${REGULATOR_AREAS[b]} ${REGULATOR_WORDS[c]}`,
  },
  LEGISLATION: {
    sizes: [SYL_A.length * SYL_B.length, LAW_TOPICS.length, LAW_WORDS.length],
    format: (a, b, c) => `${SYL_A[a % SYL_A.length]}${SYL_B[Math.floor(a / SYL_A.length)]} ${LAW_TOPICS[b]} ${LAW_WORDS[c]}`,
  },
  AGREEMENT: {
    sizes: [SYL_A.length, SYL_B.length, AGREEMENT_WORDS.length],
    format: (a, b, c) => `${SYL_A[a]}${SYL_B[b]} ${AGREEMENT_WORDS[c]}`,
  },
};

const PATTERN_MULTIPLIERS = new Map<string, number>();

/**
 * A name unique within its kind, from the entity's ordinal within that kind: the ordinal is
 * scrambled by a bijection mod the pattern's capacity (so consecutive ids do not read alike),
 * then split into the three word indices; past the capacity a numeral is appended.
 */
function nameOf(kind: string, ordinal: number): string {
  const pattern = NAME_PATTERNS[kind] ?? {
    sizes: [SYL_A.length, SYL_B.length, 1],
    format: (a: number, b: number) => `${SYL_A[a]}${SYL_B[b]} ${titleCase(kind)}`,
  };
  const [sizeA, sizeB, sizeC] = pattern.sizes;
  const capacity = sizeA * sizeB * sizeC;
  let multiplier = PATTERN_MULTIPLIERS.get(kind);
  if (multiplier === undefined) {
    multiplier = coprimeFrom(Math.floor(capacity * 0.381966) + 1, capacity);
    PATTERN_MULTIPLIERS.set(kind, multiplier);
  }
  const scrambled = ((ordinal % capacity) * multiplier) % capacity;
  const a = scrambled % sizeA;
  const b = Math.floor(scrambled / sizeA) % sizeB;
  const c = Math.floor(scrambled / (sizeA * sizeB));
  const round = Math.floor(ordinal / capacity);
  const name = pattern.format(a, b, c);
  return round === 0 ? name : `${name} ${round + 1}`;
}

function titleCase(constant: string): string {
  return constant
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

const SECTORS = [
  "cloud computing",
  "semiconductor",
  "enterprise software",
  "AI research",
  "online advertising",
  "robotics",
  "data centre",
  "cybersecurity",
  "telecommunications",
  "venture capital",
  "consumer electronics",
  "developer tools",
];
const CITIES = [
  "Paris",
  "London",
  "Berlin",
  "Toronto",
  "Seattle",
  "San Francisco",
  "Tokyo",
  "Seoul",
  "Zurich",
  "Stockholm",
  "Bangalore",
  "Tel Aviv",
  "Singapore",
  "Austin",
  "Montreal",
  "Amsterdam",
];
const KIND_DESCRIPTIONS: Record<string, (random: Random) => string> = {
  COMPANY: (r) => `A ${r.pick(SECTORS)} company headquartered in ${r.pick(CITIES)}.`,
  PERSON: (r) => `An executive and investor in the ${r.pick(SECTORS)} industry, based in ${r.pick(CITIES)}.`,
  PRODUCT: (r) => `A ${r.pick(SECTORS)} product sold to businesses and consumers.`,
  AI_MODEL: (r) => `A large language model released in ${2018 + r.int(8)}.`,
  PROJECT: (r) => `A joint ${r.pick(SECTORS)} project announced in ${2015 + r.int(11)}.`,
  REGULATOR: (r) => `A public authority that oversees the ${r.pick(SECTORS)} market.`,
  LEGISLATION: (r) => `A law adopted in ${2012 + r.int(14)} that governs ${r.pick(SECTORS)} services.`,
  AGREEMENT: (r) => `A contract between several parties, signed in ${2015 + r.int(11)}.`,
};

function aliasesOf(kind: string, name: string): string[] {
  const words = name.split(" ");
  switch (kind) {
    case "COMPANY":
    case "REGULATOR":
    case "LEGISLATION":
      return [words[0], words.map((word) => word.charAt(0)).join("")];
    case "PERSON":
      return [`${words[0].charAt(0)}. ${words.slice(1).join(" ")}`, words.slice(1).join(" ")];
    case "AI_MODEL":
      return [name.toLowerCase(), name.replace("-", " ")];
    default:
      return [words[0], `${name} (${kind.toLowerCase().replace(/_/g, " ")})`];
  }
}

function makeEntity(index: number, graph: EntityTable, random: Random): Record<string, unknown> {
  const kind = graph.kind(index);
  const name = graph.name(index);
  const record: Record<string, unknown> = { record: "entity", id: graph.id(index), name, kind };
  if (random.chance(0.35)) {
    const candidates = aliasesOf(kind, name).filter((alias) => alias.length > 1 && alias !== name);
    const count = random.chance(0.6) ? 1 : 2;
    if (candidates.length > 0) record.aliases = candidates.slice(0, count);
  }
  if (random.chance(0.8)) record.description = (KIND_DESCRIPTIONS[kind] ?? (() => `A ${titleCase(kind).toLowerCase()}.`))(random);
  return record;
}

// ---------------------------------------------------------------------------------------------
// Sources: texts made of template sentences, so that quotes (whole sentences) are verifiable

interface SourceText {
  readonly id: string;
  readonly sentences: readonly string[];
}

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTHS_FR = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const ACTORS_EN = [
  "the company",
  "a spokesperson for the group",
  "the regulator",
  "analysts at the bank",
  "the board",
  "people familiar with the matter",
  "the chief executive",
  "the ministry",
  "its largest investor",
  "the start-up",
  "both parties",
  "the commission",
];
/** Organisations that can hold, expect or supply: the subjects of verbs in the singular. */
const ORGS_EN = [
  "the company",
  "the group",
  "the start-up",
  "its largest investor",
  "the fund",
  "the parent company",
  "the cloud provider",
];
const ACTORS_FR = [
  "l’entreprise",
  "un porte-parole du groupe",
  "le régulateur",
  "le groupe",
  "le conseil d’administration",
  "la Commission",
  "la start-up",
  "le ministère",
];
const TOPICS_EN = [
  "cloud computing",
  "language models",
  "AI chips",
  "safety research",
  "online advertising",
  "data centres",
  "developer tools",
  "search",
  "model licensing",
  "enterprise software",
];
const TOPICS_FR = [
  "l’informatique en nuage",
  "les modèles de langage",
  "les puces spécialisées",
  "la recherche en sécurité",
  "la publicité en ligne",
  "les centres de données",
  "la propriété intellectuelle",
  "les assistants de programmation",
];
const MONEY_EN = [
  "$1 billion",
  "$1.5 billion",
  "$250 million",
  "$10 billion",
  "€400 million",
  "£75 million",
  "$13 billion",
  "$650 million",
  "¥20 billion",
];
const MONEY_FR = [
  "1 milliard de dollars",
  "1,5 milliard de dollars",
  "250 millions d’euros",
  "10 milliards de dollars",
  "75 millions de livres",
];

type Template = (random: Random) => string;

const TEMPLATES_EN: Template[] = [
  (r) => `${cap(r.pick(ACTORS_EN))} said the agreement would run for ${2 + r.int(9)} years and could be extended.`,
  (r) => `${cap(r.pick(ACTORS_EN))} confirmed an investment of ${r.pick(MONEY_EN)} in ${r.pick(MONTHS_EN)} ${year(r)}.`,
  (r) => `${cap(r.pick(ACTORS_EN))} described the arrangement as exclusive for ${r.pick(TOPICS_EN)}.`,
  (r) => `According to ${r.pick(ACTORS_EN)}, the deal values the business at about ${r.pick(MONEY_EN)}.`,
  (r) => `${cap(r.pick(ACTORS_EN))} declined to comment on the talks about ${r.pick(TOPICS_EN)}.`,
  (r) => `The partnership covers ${pickTwo(r, TOPICS_EN).join(" as well as ")}, the filing shows.`,
  (r) => `${cap(r.pick(ORGS_EN))} expects the transaction to close by the end of ${year(r) + 1}.`,
  (r) => `Regulators opened a review of the arrangement in ${r.pick(MONTHS_EN)} ${year(r)}.`,
  (r) => `${cap(r.pick(ORGS_EN))} holds a stake of about ${1 + r.int(49)} percent, the report says.`,
  (r) => `The two groups compete directly in ${r.pick(TOPICS_EN)}, ${r.pick(ACTORS_EN)} noted.`,
  (r) => `${cap(r.pick(ORGS_EN))} will supply computing capacity through ${year(r) + 2}.`,
  (r) => `Under the terms, ${r.pick(ORGS_EN)} keeps access to the technology until ${year(r) + 3}.`,
  (r) => `${cap(r.pick(ORGS_EN))} appointed a new chief executive in ${r.pick(MONTHS_EN)} ${year(r)}.`,
  (r) => `The licence gives ${r.pick(ORGS_EN)} rights to ${r.pick(TOPICS_EN)} for ${2 + r.int(8)} years.`,
  (r) => `Negotiations on ${r.pick(TOPICS_EN)} continued through ${r.pick(MONTHS_EN)} ${year(r)}.`,
  (r) => `${cap(r.pick(ORGS_EN))} considered legal action over ${r.pick(TOPICS_EN)}.`,
];
const TEMPLATES_FR: Template[] = [
  (r) => `${cap(r.pick(ACTORS_FR))} a confirmé un investissement de ${r.pick(MONEY_FR)} en ${r.pick(MONTHS_FR)} ${year(r)}.`,
  (r) => `Selon ${r.pick(ACTORS_FR)}, l’accord porte sur ${r.pick(TOPICS_FR)}.`,
  (r) => `${cap(r.pick(ACTORS_FR))} a qualifié l’accord d’« exclusif » pour ${r.pick(TOPICS_FR)}.`,
  (r) => `Les négociations sur ${r.pick(TOPICS_FR)} se sont poursuivies jusqu’en ${r.pick(MONTHS_FR)} ${year(r)}.`,
  (r) => `${cap(r.pick(ACTORS_FR))} détient environ ${1 + r.int(49)}\u00a0% du capital, selon le rapport.`,
  (r) => `L’autorité de la concurrence a ouvert une enquête en ${r.pick(MONTHS_FR)} ${year(r)}.`,
  (r) => `${cap(r.pick(ACTORS_FR))} envisage une action en justice concernant ${r.pick(TOPICS_FR)}.`,
  (r) => `Le partenariat couvre ${pickTwo(r, TOPICS_FR).join(" ainsi que ")}.`,
  (r) => `${cap(r.pick(ACTORS_FR))} fournira de la capacité de calcul jusqu’en ${year(r) + 2}.`,
  (r) => `La licence accorde des droits sur ${r.pick(TOPICS_FR)} pendant ${2 + r.int(8)} ans.`,
];
const PUBLISHERS = [
  "Example Wire",
  "The Synthetic Times",
  "Market Ledger",
  "Tech Review Weekly",
  "Le Journal Synthétique",
  "Compute Report",
  "Policy Monitor",
  "Deal Street",
];
const TITLE_TOPICS = [
  "Cloud deals",
  "AI investments",
  "Chip supply",
  "Regulatory scrutiny",
  "Model licensing",
  "Board changes",
  "Data centre build-out",
];

function pickTwo<T>(random: Random, list: readonly T[]): [T, T] {
  const first = random.int(list.length);
  return [list[first], list[(first + 1 + random.int(list.length - 1)) % list.length]];
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function year(random: Random): number {
  return 2010 + random.int(16);
}

function makeSource(i: number, width: number, random: Random): { record: Record<string, unknown>; text: SourceText } {
  // Every fourth source is French: its quotes carry multi-byte characters (é, ’, «, no-break space).
  const language = i % 4 === 1 ? "fr" : i % 4 === 2 ? "en-GB" : "en";
  const templates = language === "fr" ? TEMPLATES_FR : TEMPLATES_EN;
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (let attempt = 0; sentences.length < SENTENCES_PER_SOURCE && attempt < SENTENCES_PER_SOURCE * 20; attempt++) {
    const sentence = random.pick(templates)(random);
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    // A flat copy of the template's rope: each sentence is serialised some 60,000 times at 1M relations.
    sentences.push(Buffer.from(sentence, "utf8").toString("utf8"));
  }
  // Paragraphs of six sentences; quotes are whole sentences, never spanning a separator.
  let text = "";
  sentences.forEach((sentence, index) => {
    text += index === 0 ? sentence : index % 6 === 0 ? `\n\n${sentence}` : ` ${sentence}`;
  });
  const id = `source-${String(i + 1).padStart(width, "0")}`;
  const topic = random.pick(TITLE_TOPICS);
  const publishedOn = randomDate(random, 2015, 2025);
  const record: Record<string, unknown> = {
    record: "source",
    id,
    title: `${topic} in ${publishedOn.slice(0, 4)}: synthetic report ${i + 1}`,
    publisher: random.pick(PUBLISHERS),
    url: `https://example.org/reports/${id}`,
    language,
    publishedOn,
    description: `A synthetic article in the series "${topic}", generated for benchmarks; its facts are fictitious.`,
    text,
  };
  return { record, text: { id, sentences } };
}

/** References cite one or two distinct sources with one or two whole sentences of each. */
class ReferenceMaker {
  constructor(
    private readonly texts: readonly SourceText[],
    private readonly random: Random,
  ) {}

  make(): Array<Record<string, unknown>> {
    const random = this.random;
    const count = this.texts.length > 1 && random.chance(0.25) ? 2 : 1;
    const first = random.int(this.texts.length);
    const references = [this.reference(this.texts[first])];
    if (count === 2)
      references.push(this.reference(this.texts[(first + 1 + random.int(this.texts.length - 1)) % this.texts.length]));
    return references;
  }

  private reference(source: SourceText): Record<string, unknown> {
    const random = this.random;
    const sentences = source.sentences;
    const first = random.int(sentences.length);
    const quotes = [sentences[first]];
    if (sentences.length > 1 && random.chance(0.3))
      quotes.push(sentences[(first + 1 + random.int(sentences.length - 1)) % sentences.length]);
    const reference: Record<string, unknown> = { source: source.id, quotes };
    if (random.chance(0.03)) {
      reference.note = random.pick(INFERENCE_NOTES);
      reference.inferred = true;
    } else if (random.chance(0.05)) {
      reference.note = random.pick(REFERENCE_NOTES);
    }
    return reference;
  }
}

const INFERENCE_NOTES = [
  "Inferred: the source reports the payment but does not name the recipient.",
  "Inferred from the timeline: the link must have been in force by then.",
  "Inferred: the article names the parent company, not the subsidiary.",
];
const REFERENCE_NOTES = [
  "Second paragraph.",
  "Quoted from the press release reproduced in the article.",
  "See the table at the end.",
];

// ---------------------------------------------------------------------------------------------
// Dates

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const PRECISION = new Weighted<"year" | "month" | "day">([
  ["year", 25],
  ["month", 45],
  ["day", 30],
]);

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function dateIn(random: Random, yearValue: number): string {
  const precision = PRECISION.pick(random);
  if (precision === "year") return String(yearValue);
  const month = 1 + random.int(12);
  if (precision === "month") return `${yearValue}-${pad2(month)}`;
  const leap = month === 2 && yearValue % 4 === 0 && (yearValue % 100 !== 0 || yearValue % 400 === 0);
  const day = 1 + random.int(DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0));
  return `${yearValue}-${pad2(month)}-${pad2(day)}`;
}

/** A partial date in [from, to], skewed towards recent years as news coverage is. */
function randomDate(random: Random, from: number, to: number): string {
  const u = random.float();
  return dateIn(random, to - Math.floor(u * u * (to - from + 1)));
}

// ---------------------------------------------------------------------------------------------
// Relations

const STATUS = new Weighted<RelationStatus>(
  (Object.values(RelationStatus) as RelationStatus[]).map((status) => {
    const weights: Record<string, number> = {
      ACTIVE: 35,
      ANNOUNCED: 20,
      COMPLETED: 15,
      ENDED: 10,
      PLANNED: 6,
      PROPOSED: 5,
      CONSIDERED: 5,
      CONTESTED: 4,
    };
    return [status, weights[status] ?? 2] as const;
  }),
);
const FORWARD_LOOKING: ReadonlySet<string> = new Set([
  RelationStatus.PLANNED,
  RelationStatus.PROPOSED,
  RelationStatus.CONSIDERED,
]);

const T = RelationType;
/** Plausible directed types by the kind of `from`; symmetric types are drawn separately. */
const TYPES_BY_KIND: Record<string, RelationType[]> = {
  COMPANY: [
    T.INVESTS_IN,
    T.INVESTS_IN,
    T.INVESTED_TOTAL_IN,
    T.SUPPLIES_CLOUD,
    T.SUPPLIES_CLOUD,
    T.HOLDS_STAKE,
    T.PART_OF,
    T.PARTICIPATES_IN,
    T.ACQUIRES,
    T.SEEKS_IP_ACCESS,
    T.CONSIDERS_SUING,
    T.LOBBIES,
    T.TESTS_MODELS_OF,
    T.HAS_BOARD_SEAT,
    T.OFFERS_TO_HIRE,
    T.HAS_TECHNOLOGY_ACCESS,
    T.LICENSES,
    T.DEVELOPS,
    T.DEVELOPS,
    T.INTEGRATES,
    T.FOUNDED,
  ],
  PERSON: [
    T.FOUNDED,
    T.LEADS,
    T.LEADS,
    T.HAS_BOARD_SEAT,
    T.HOLDS_STAKE,
    T.INVESTS_IN,
    T.CONSIDERS_SUING,
    T.LOBBIES,
    T.PARTICIPATES_IN,
  ],
  REGULATOR: [T.INVESTIGATES, T.INVESTIGATES, T.PRESSURES, T.TESTS_MODELS_OF],
  PRODUCT: [T.INTEGRATES, T.INTEGRATES, T.PART_OF],
  AI_MODEL: [T.PART_OF, T.INTEGRATES],
  PROJECT: [T.PART_OF, T.DEVELOPS, T.PARTICIPATES_IN],
  LEGISLATION: [T.PART_OF, T.PRESSURES],
  AGREEMENT: [T.PART_OF],
};
const FALLBACK_TYPES: RelationType[] = [T.PART_OF, T.PARTICIPATES_IN];
const SYMMETRIC_TYPES = [...SYMMETRIC_RELATION_TYPES];
/** Share of relations drawn from the symmetric types, whatever the kinds. */
const SYMMETRIC_SHARE = 0.12;

/** Type lists indexed by kind code; a type no list names (one added to the enum later) goes to companies. */
const TYPES_BY_CODE: RelationType[][] = (() => {
  const byCode = KINDS.map((kind) =>
    (TYPES_BY_KIND[kind] ?? FALLBACK_TYPES).filter((type) => !SYMMETRIC_RELATION_TYPES.has(type)),
  );
  const named = new Set(byCode.flat());
  for (const type of Object.values(RelationType) as RelationType[]) {
    if (!named.has(type) && !SYMMETRIC_RELATION_TYPES.has(type)) byCode[COMPANY_CODE].push(type);
  }
  return byCode;
})();

const DESCRIPTIONS: Partial<Record<RelationType, (from: string, to: string, topic: string) => string>> = {
  INVESTS_IN: (f, t) => `${f} invests in ${t}.`,
  INVESTED_TOTAL_IN: (f, t) => `${f} has invested a reported total in ${t}.`,
  SUPPLIES_CLOUD: (f, t) => `${f} supplies cloud computing to ${t}.`,
  COMPETES_WITH: (f, t, topic) => `${f} and ${t} compete in ${topic}.`,
  INVESTIGATES: (f, t) => `${f} investigates ${t}.`,
  PRESSURES: (f, t) => `${f} presses ${t} to change its practices.`,
  HOLDS_STAKE: (f, t) => `${f} holds a stake in ${t}.`,
  PART_OF: (f, t) => `${f} is part of ${t}.`,
  PARTNERS_WITH: (f, t, topic) => `${f} and ${t} partner on ${topic}.`,
  PARTICIPATES_IN: (f, t) => `${f} takes part in ${t}.`,
  ACQUIRES: (f, t) => `${f} acquires ${t}.`,
  SEEKS_IP_ACCESS: (f, t) => `${f} seeks access to the intellectual property of ${t}.`,
  CONSIDERS_SUING: (f, t) => `${f} has considered suing ${t}.`,
  LOBBIES: (f, t) => `${f} lobbies ${t}.`,
  NEGOTIATES_WITH: (f, t, topic) => `${f} and ${t} negotiate over ${topic}.`,
  TESTS_MODELS_OF: (f, t) => `${f} tests the AI models of ${t}.`,
  FOUNDED: (f, t) => `${f} founded ${t}.`,
  LEADS: (f, t) => `${f} leads ${t}.`,
  HAS_BOARD_SEAT: (f, t) => `${f} has a seat on the board of ${t}.`,
  OFFERS_TO_HIRE: (f, t) => `${f} offers to hire ${t}.`,
  HAS_TECHNOLOGY_ACCESS: (f, t) => `${f} has access to the technology of ${t}.`,
  LICENSES: (f, t) => `${f} licenses technology from ${t}.`,
  DEVELOPS: (f, t) => `${f} develops ${t}.`,
  INTEGRATES: (f, t) => `${f} integrates ${t}.`,
};

const ROLES: Partial<Record<RelationType, readonly string[]>> = {
  PARTICIPATES_IN: ["lead partner", "equity partner", "technology partner", "operator", "financial backer"],
  LEADS: ["chief executive", "president", "chair", "chief scientist", "managing director"],
  HAS_BOARD_SEAT: ["director", "non-voting observer", "chair", "independent director"],
};
const GENERIC_ROLES = ["lead investor", "minority partner", "adviser", "preferred supplier"];
const EXCLUSIVE_TYPES: ReadonlySet<string> = new Set([T.SUPPLIES_CLOUD, T.LICENSES, T.HAS_TECHNOLOGY_ACCESS]);
const MONEY_TYPES: ReadonlySet<string> = new Set([T.INVESTS_IN, T.ACQUIRES, T.SUPPLIES_CLOUD, T.LICENSES, T.HOLDS_STAKE]);
const AGREEMENT_TYPES: ReadonlySet<string> = new Set([
  T.INVESTS_IN,
  T.SUPPLIES_CLOUD,
  T.LICENSES,
  T.HAS_TECHNOLOGY_ACCESS,
  T.HOLDS_STAKE,
  T.PARTNERS_WITH,
]);

const MEASURES = Object.values(AmountMeasure) as AmountMeasure[];
const MEASURE_NOTES: Record<string, string> = {
  CUMULATIVE_TOTAL: "Total reported to date, including earlier rounds.",
  CAP: "Cap on the rights to future profits.",
  AT_STAKE: "Funding the dispute could put at risk.",
};
const DEAL_NOTES = ["Partly paid in cloud credits.", "In several tranches.", "Including debt."];
const CURRENCIES = new Weighted<string>([
  ["USD", 60],
  ["EUR", 20],
  ["GBP", 8],
  ["JPY", 4],
  ["CHF", 3],
  ["CNY", 3],
  ["CAD", 2],
]);
const MANTISSAS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10, 13];

function makeAmount(type: RelationType, random: Random): Record<string, unknown> | undefined {
  let measure: AmountMeasure;
  if (type === T.INVESTED_TOTAL_IN) {
    if (!random.chance(0.8)) return undefined;
    measure = AmountMeasure.CUMULATIVE_TOTAL;
  } else if (MONEY_TYPES.has(type)) {
    if (!random.chance(0.5)) return undefined;
    measure = random.chance(0.8) ? AmountMeasure.DEAL_VALUE : random.pick(MEASURES);
  } else {
    if (!random.chance(0.02)) return undefined;
    measure = random.pick(MEASURES);
  }
  const amount: Record<string, unknown> = {
    value: Math.round(random.pick(MANTISSAS) * 10 ** (6 + random.int(5))),
    currency: CURRENCIES.pick(random),
  };
  if (random.chance(0.2)) amount.approximate = true;
  amount.measure = measure;
  if (measure !== AmountMeasure.DEAL_VALUE)
    amount.note = MEASURE_NOTES[measure] ?? `What the amount measures: ${measure.toLowerCase()}.`;
  else if (random.chance(0.1)) amount.note = random.pick(DEAL_NOTES);
  return amount;
}

function makeRelation(
  id: string,
  graph: EntityTable,
  endpoints: EndpointSampler,
  references: ReferenceMaker,
  random: Random,
  /** Given ends (a super hub's relations, two different entities); drawn from the power law otherwise. */
  ends?: readonly [number, number],
): Record<string, unknown> {
  const from = ends ? ends[0] : endpoints.draw(random);
  let to = ends ? ends[1] : endpoints.draw(random);
  while (to === from) to = endpoints.draw(random);

  const type = random.chance(SYMMETRIC_SHARE) ? random.pick(SYMMETRIC_TYPES) : random.pick(TYPES_BY_CODE[graph.kinds[from]]);
  const status = STATUS.pick(random);
  const fromName = graph.name(from);
  const toName = graph.name(to);
  const topic = random.pick(TOPICS_EN);
  const describe = DESCRIPTIONS[type];
  const description = describe
    ? describe(fromName, toName, topic)
    : `${fromName} ${type.toLowerCase().replace(/_/g, " ")} ${toName}.`;

  const record: Record<string, unknown> = {
    record: "relation",
    id,
    type,
    from: graph.id(from),
    to: graph.id(to),
    status,
    description,
  };

  // Exactly one of validFrom and attestedFrom (the format forbids both); validTo a later year,
  // so it is after the start whatever the two precisions.
  const startYear = 2025 - Math.floor(random.float() ** 2 * 28);
  const start = dateIn(random, startYear);
  const attested = random.chance(0.15);
  if (!attested) record.validFrom = start;
  if (status === RelationStatus.ENDED || (status === RelationStatus.COMPLETED && random.chance(0.3))) {
    record.validTo = dateIn(random, startYear + 1 + random.int(Math.max(1, Math.min(8, 2025 - startYear))));
  }
  if (attested) record.attestedFrom = start;
  if (FORWARD_LOOKING.has(status) && random.chance(0.5)) record.expectedBy = dateIn(random, 2026 + random.int(5));

  const amount = makeAmount(type, random);
  if (amount) record.amount = amount;
  if (type === T.HOLDS_STAKE && random.chance(0.9))
    record.stakePercent = Math.max(0.1, Math.round(random.float() ** 3 * 1000) / 10);
  if (EXCLUSIVE_TYPES.has(type) && random.chance(0.3)) record.exclusive = true;
  const roles = ROLES[type];
  if (roles) record.role = random.pick(roles);
  else if (random.chance(0.05)) record.role = random.pick(GENERIC_ROLES);
  if (graph.agreements.length > 0 && AGREEMENT_TYPES.has(type) && random.chance(0.05)) {
    record.agreement = graph.id(random.pick(graph.agreements));
  }
  record.references = references.make();
  return record;
}

// ---------------------------------------------------------------------------------------------
// Events

const EVENT_NAMES: Array<(name: string, yearValue: number) => string> = [
  (n, y) => `${n} annual conference ${y}`,
  (n) => `Launch by ${n}`,
  (n, y) => `Hearing on ${n} (${y})`,
  (n, y) => `${n} funding round of ${y}`,
  (n, y) => `${n} shareholder meeting ${y}`,
];
const EVENT_ROLES = ["organiser", "host", "speaker", "subject", "investor", "witness", "announcer"];

function makeEvent(
  id: string,
  graph: EntityTable,
  endpoints: EndpointSampler,
  references: ReferenceMaker,
  random: Random,
): Record<string, unknown> {
  const wanted = Math.min(graph.n, 1 + random.int(3));
  const chosen: number[] = [];
  while (chosen.length < wanted) {
    const index = endpoints.draw(random);
    if (!chosen.includes(index)) chosen.push(index);
  }
  const yearValue = 2026 - Math.ceil(random.float() * 12);
  const names = chosen.map((index) => graph.name(index));
  const participants = chosen.map((index) => ({ entity: graph.id(index), role: random.pick(EVENT_ROLES) }));
  return {
    record: "event",
    id,
    name: random.pick(EVENT_NAMES)(names[0], yearValue),
    date: dateIn(random, yearValue),
    description: `A synthetic event involving ${names.join(", ")}.`,
    participants,
    references: references.make(),
  };
}
