/**
 * Key management over GraphQL, for administrators: the same operations as `npm run keys`
 * (src/auth/api-key.service.ts). Every field needs an ADMIN key.
 */
import { Args, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../request-context";
import type { ApiKeyRecord } from "./api-key.repository";
import type { ApiKeyService } from "./api-key.service";
import { ApiKey, ApiKeyNameArgs, CreateApiKeyArgs, CreatedApiKey } from "./api-key.type";
import { Role } from "./role";

/** The request context, as far as key management needs it. */
type Context = RequestContext & { readonly apiKeys: ApiKeyService };

const ADMIN = "Needs an ADMIN key (`Authorization: Bearer <key>`).";

@Resolver()
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey], { description: `Every API key, working or revoked, oldest first; never a key nor its hash. ${ADMIN}` })
  apiKeys(@Ctx() ctx: Context): Promise<ApiKeyRecord[]> {
    return ctx.apiKeys.list();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, {
    description:
      "Creates an API key and answers it this once (the server keeps only its hash). A name already used, even by a " +
      `revoked key, is a CONFLICT. ${ADMIN}`,
  })
  async createApiKey(
    @Args() { name, role }: CreateApiKeyArgs,
    @Ctx() ctx: Context,
  ): Promise<{ key: string; apiKey: ApiKeyRecord }> {
    const { key, record } = await ctx.apiKeys.create(name, role);
    return { key, apiKey: record };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, {
    description:
      "Revokes an API key: every server refuses it within AUTH_KEY_CACHE_MS (a few seconds). Revoking it again changes " +
      `nothing; an unknown name is NOT_FOUND. ${ADMIN}`,
  })
  async revokeApiKey(@Args() { name }: ApiKeyNameArgs, @Ctx() ctx: Context): Promise<ApiKeyRecord> {
    return (await ctx.apiKeys.revoke(name)).key;
  }
}
