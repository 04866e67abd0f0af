import { DateTimeResolver } from "graphql-scalars";
import { ArgsType, Field, ObjectType } from "type-graphql";
import { Role } from "./role";

@ObjectType({
  simpleResolvers: true,
  description: "An API key as an administrator sees it: its name, role and dates; never the key nor its hash.",
})
export class ApiKey {
  @Field({ description: "The key's unique name; change records say `by` with it. Never reused, even once the key is revoked." })
  name!: string;

  @Field(() => Role, { description: "What the key may do (ADMIN ⊇ EDITOR ⊇ READER)." })
  role!: Role;

  @Field(() => DateTimeResolver, { description: "When the key was created (server time, UTC)." })
  createdAt!: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the key was revoked (server time, UTC); null while it works. Servers refuse it within AUTH_KEY_CACHE_MS.",
  })
  revokedAt!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A new API key: the key itself, shown this once, and its record." })
export class CreatedApiKey {
  @Field({
    description:
      "The key, to hand to its holder, who sends it as `Authorization: Bearer <key>`. The server keeps only its SHA-256: " +
      "it cannot show the key again; a lost key is revoked and replaced.",
  })
  key!: string;

  @Field(() => ApiKey, { description: "The key's name, role and creation date." })
  apiKey!: ApiKey;
}

@ArgsType()
export class CreateApiKeyArgs {
  @Field({
    description: 'A unique name for the key: 1 to 64 letters, digits, ".", "_", "@" or "-" (e.g. "alice", "import-bot").',
  })
  name!: string;

  @Field(() => Role, { description: "What the key may do." })
  role!: Role;
}

@ArgsType()
export class ApiKeyNameArgs {
  @Field({ description: "The key's name, as `apiKeys` lists it." })
  name!: string;
}
