/**
 * Argument validation. type-graphql calls `validateArguments` for every `@Args()` class (see
 * src/schema.ts); a failure becomes one BAD_USER_INPUT error that names the argument and says
 * what is expected, instead of type-graphql's generic "Argument Validation Error".
 */
import { registerDecorator, validate, type ValidationArguments, type ValidationError } from "./class-validator";
import { BadUserInputError } from "./errors";
import { InvalidPartialDate, PartialDate } from "./partial-date";

/** Entity and relation ids are lowercase slugs: "microsoft", "openai-global", "gpt-4". */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 120;

export function IsSlug(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: "isSlug",
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === "string" && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value),
        defaultMessage: (args: ValidationArguments) =>
          `"${args.property}" must be a lowercase slug id such as "openai" or "openai-global" ` +
          `(letters a-z, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters); got ${describeValue(args.value)}.`,
      },
    });
}

export function IsPartialDate(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: "isPartialDate",
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => value instanceof PartialDate,
        defaultMessage: (args: ValidationArguments) => {
          const invalid = args.value instanceof InvalidPartialDate ? args.value : undefined;
          const got = describeValue(invalid ? invalid.input : args.value);
          return `"${args.property}" must be a date as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; got ${got}${invalid ? ` (${invalid.reason})` : ""}.`;
        },
      },
    });
}

export function IsPageSize(max: number): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: "isPageSize",
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [max],
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max,
        defaultMessage: (args: ValidationArguments) =>
          `"${args.property}" must be a page size from 1 to ${max}; got ${describeValue(args.value)}.`,
      },
    });
}

/** What `validateArguments` needs of the request: a way to stop the rest of the operation. */
interface RefusableContext {
  readonly scope?: { refuse(): void };
}

/**
 * type-graphql's `validateFn`: validates `@Args()` classes; plain scalar arguments pass through.
 *
 * An explicit `null` for an argument that has a default means the default (GraphQL lets a client
 * pass null to a nullable argument, and `Int = 20` is nullable): the default is read from the
 * args class's own initialiser, so the SDL's default and the one applied are the same.
 *
 * A refusal also stops the rest of the operation: its other fields run no query (OPERATION_ABORTED).
 */
export async function validateArguments(argValue: unknown, _type?: unknown, resolverData?: { context?: unknown }): Promise<void> {
  if (argValue === null || typeof argValue !== "object" || Array.isArray(argValue)) return;
  applyDefaultsForNulls(argValue as Record<string, unknown>);
  const key = keyOf(argValue);
  const seen = validSeen.get(argValue.constructor);
  if (key !== undefined && seen?.has(key)) return;
  const errors = await validate(argValue, { skipMissingProperties: true, forbidUnknownValues: false });
  if (errors.length === 0) {
    if (key !== undefined) rememberValid(argValue.constructor, key, seen);
    return;
  }
  const problems = flatten(errors);
  (resolverData?.context as RefusableContext | undefined)?.scope?.refuse();
  throw new BadUserInputError(
    problems[0].argument,
    problems.map((problem) => problem.message).join(" "),
    problems.length > 1 ? { invalidArguments: problems.map((problem) => problem.argument) } : undefined,
  );
}

/**
 * Argument sets already found valid, per args class, by their values as JSON (dates as their
 * text): the checks are pure, and most requests bring the same few sets (a field's defaults, a
 * page size), so class-validator runs once per set instead of once per field of every request.
 * Bounded per class; the oldest set goes first.
 */
const validSeen = new Map<unknown, Set<string>>();
export const VALID_ARGUMENT_SETS_REMEMBERED = 256;

/** The values as JSON; undefined when they have none (a value JSON cannot write), so they are not remembered. */
function keyOf(args: object): string | undefined {
  try {
    return JSON.stringify(args);
  } catch {
    return undefined;
  }
}

function rememberValid(argsClass: unknown, key: string, seen: Set<string> | undefined): void {
  const sets = seen ?? new Set<string>();
  if (!seen) validSeen.set(argsClass, sets);
  if (sets.size >= VALID_ARGUMENT_SETS_REMEMBERED) sets.delete(sets.values().next().value as string);
  sets.add(key);
}

function applyDefaultsForNulls(args: Record<string, unknown>): void {
  let defaults: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(args)) {
    if (value !== null) continue;
    defaults ??= new (args.constructor as new () => Record<string, unknown>)();
    if (defaults[name] !== undefined) args[name] = defaults[name];
  }
}

/** A value for an error message: short, and never a walk through an arbitrarily deep structure. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
  return Array.isArray(value) ? "a list" : "an object";
}

function flatten(errors: ValidationError[], prefix = ""): Array<{ argument: string; message: string }> {
  return errors.flatMap((error) => {
    const argument = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ argument, message }));
    return [...own, ...flatten(error.children ?? [], argument)];
  });
}

/**
 * An integer from `min` to `max`, where `max` is a documented cap (src/explore/explore.limits.ts):
 * the message names the cap, so a client asking for depth 10 learns that 3 is the most it gets.
 */
export function IsWithinCap(min: number, max: number, cap: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: "isWithinCap",
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: (args: ValidationArguments) =>
          `"${args.property}" must be an integer from ${min} to ${max} (${max} is the cap on ${cap}); got ${describeValue(args.value)}.`,
      },
    });
}

/** A list of at most `max` slug ids (the cap on `cap`), each checked like `IsSlug`. */
export function IsSlugList(max: number, cap: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: "isSlugList",
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [max],
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length >= 1 &&
          value.length <= max &&
          value.every((id) => typeof id === "string" && id.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(id)),
        defaultMessage: (args: ValidationArguments) => {
          const list = Array.isArray(args.value) ? (args.value as unknown[]) : [];
          if (list.length === 0) return `"${args.property}" must name at least one entity id.`;
          if (list.length > max)
            return `"${args.property}" may hold at most ${max} ids (${max} is the cap on ${cap}); got ${list.length}.`;
          const bad = list.find((id) => typeof id !== "string" || id.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(id));
          return `"${args.property}" must hold lowercase slug ids such as "openai"; got ${describeValue(bad)}.`;
        },
      },
    });
}
