/**
 * The per-request context every resolver receives, as a type only: a leaf module, so features
 * depend on it without depending on each other (src/context.ts builds it).
 */
import type { EntityService } from "./entity/entity.service";
import type { EventService } from "./event/event.service";
import type { ExploreService } from "./explore/explore.service";
import type { RequestScope } from "./graph/request-scope";
import type { RelationService } from "./relation/relation.service";
import type { SourceService } from "./source/source.service";

export interface RequestContext {
  readonly scope: RequestScope;
  readonly entities: EntityService;
  readonly relations: RelationService;
  readonly events: EventService;
  readonly sources: SourceService;
  readonly explore: ExploreService;
}
