/**
 * The per-request context every resolver receives, as a type only: a leaf module, so features
 * depend on it without depending on each other (src/context.ts builds it).
 */
import type { ApiKeyService } from "./auth/api-key.service";
import type { Principal } from "./auth/principal";
import type { CurationService } from "./curation/curation.service";
import type { EntityService } from "./entity/entity.service";
import type { EventService } from "./event/event.service";
import type { ExploreService } from "./explore/explore.service";
import type { ChangeService } from "./history/change.service";
import type { RequestScope } from "./graph/request-scope";
import type { RelationService } from "./relation/relation.service";
import type { SourceService } from "./source/source.service";

export interface RequestContext {
  readonly scope: RequestScope;
  /**
   * The API key the request carried (`{ keyName, role }`), or null for an anonymous read. Never
   * null inside a resolver decorated with `@Authorized(...)` (src/auth).
   */
  readonly principal: Principal | null;
  /** API key management (the admin-only `apiKeys`, `createApiKey`, `revokeApiKey`). */
  readonly apiKeys: ApiKeyService;
  readonly entities: EntityService;
  readonly relations: RelationService;
  readonly events: EventService;
  readonly sources: SourceService;
  readonly explore: ExploreService;
  /** The write API (mutations). */
  readonly curation: CurationService;
  /** The change log (`changes`). */
  readonly changes: ChangeService;
}
