/**
 * Per-request context. Repositories are shared (they hold no state); services and their
 * DataLoaders are created per request, so batching and caching never leak between callers.
 */
import { EntityRepository } from "./entity/entity.repository";
import { EntityService } from "./entity/entity.service";
import { EventRepository } from "./event/event.repository";
import { EventService } from "./event/event.service";
import { ExploreRepository } from "./explore/explore.repository";
import { ExploreService } from "./explore/explore.service";
import type { QueryRunner } from "./graph/query-runner";
import { RelationRepository } from "./relation/relation.repository";
import { RelationService } from "./relation/relation.service";

export interface RequestContext {
  readonly entities: EntityService;
  readonly relations: RelationService;
  readonly events: EventService;
  readonly explore: ExploreService;
}

export interface Repositories {
  readonly entities: EntityRepository;
  readonly relations: RelationRepository;
  readonly events: EventRepository;
  readonly explore: ExploreRepository;
}

export function createRepositories(
  runner: QueryRunner,
  options: { readonly traversalTimeoutMs: number },
): Repositories {
  return {
    explore: new ExploreRepository(runner, options.traversalTimeoutMs),
    entities: new EntityRepository(runner),
    relations: new RelationRepository(runner),
    events: new EventRepository(runner),
  };
}

export function createRequestContext(repositories: Repositories): RequestContext {
  const entities = new EntityService(repositories.entities);
  return {
    entities,
    relations: new RelationService(repositories.relations, entities),
    events: new EventService(repositories.events, entities),
    explore: new ExploreService(repositories.explore, entities),
  };
}
