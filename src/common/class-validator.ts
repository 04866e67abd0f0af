/**
 * The parts of class-validator this API uses, each loaded from its own file. The package's index
 * loads every decorator it has, with all of validator.js and libphonenumber-js: 321 modules, a
 * sixth of what the server loads before its first answer, for the four functions below (issue 9's
 * cold start). Same package and version; its types come from the index. The package has no
 * `exports` map, so these paths are reachable; a change of layout fails every test at once.
 */
import type * as ClassValidator from "class-validator";

type Api = Pick<typeof ClassValidator, "IsOptional" | "MaxLength" | "registerDecorator" | "Validator">;

/* eslint-disable @typescript-eslint/no-require-imports -- typed deep requires, see above */
const { IsOptional } = require("class-validator/cjs/decorator/common/IsOptional") as Pick<Api, "IsOptional">;
const { MaxLength } = require("class-validator/cjs/decorator/string/MaxLength") as Pick<Api, "MaxLength">;
const { registerDecorator } = require("class-validator/cjs/register-decorator") as Pick<Api, "registerDecorator">;
const { Validator } = require("class-validator/cjs/validation/Validator") as Pick<Api, "Validator">;
const { getFromContainer } = require("class-validator/cjs/container") as Pick<typeof ClassValidator, "getFromContainer">;
/* eslint-enable @typescript-eslint/no-require-imports */

/** class-validator's own `validate(object, options)`, as its index defines it. */
function validate(object: object, options?: ClassValidator.ValidatorOptions): Promise<ClassValidator.ValidationError[]> {
  return getFromContainer(Validator).validate(object, options);
}

export { IsOptional, MaxLength, registerDecorator, validate };
export type { ValidationArguments, ValidationError } from "class-validator";
