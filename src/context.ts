/**
 * Per-request context. Services, their DataLoaders and the repositories are created per request
 * around the process's one QueryRunner, bound to the request's scope (deadline, concurrency,
 * abort), so batching, caching and limits never leak between callers.
 */
import type { AppConfig } from "./config";
import { EntityRepository } from "./entity/entity.repository";
import { EntityService } from "./entity/entity.service";
import { EventRepository } from "./event/event.repository";
import { EventService } from "./event/event.service";
import { ExploreRepository } from "./explore/explore.repository";
import { ExploreService } from "./explore/explore.service";
import type { QueryRunner } from "./graph/query-runner";
import { RequestScope } from "./graph/request-scope";
import { RelationRepository } from "./relation/relation.repository";
import { RelationService } from "./relation/relation.service";
import type { RequestContext } from "./request-context";
import { SourceRepository } from "./source/source.repository";
import { SourceService } from "./source/source.service";

export type { RequestContext } from "./request-context";

export interface Repositories {
  readonly entities: EntityRepository;
  readonly relations: RelationRepository;
  readonly events: EventRepository;
  readonly explore: ExploreRepository;
  readonly sources: SourceRepository;
}

export function createRepositories(runner: QueryRunner, options: { readonly traversalTimeoutMs: number }): Repositories {
  return {
    explore: new ExploreRepository(runner, options.traversalTimeoutMs),
    entities: new EntityRepository(runner),
    relations: new RelationRepository(runner),
    events: new EventRepository(runner),
    sources: new SourceRepository(runner),
  };
}

export function createRequestContext(runner: QueryRunner, config: AppConfig): RequestContext {
  const scope = new RequestScope(config.graphql.requestTimeoutMs, config.neo4j.maxConcurrentPerRequest);
  const repositories = createRepositories(runner.forRequest(scope), config.neo4j);
  const entities = new EntityService(repositories.entities);
  return {
    scope,
    entities,
    relations: new RelationService(repositories.relations, entities),
    events: new EventService(repositories.events, entities),
    sources: new SourceService(repositories.sources),
    explore: new ExploreService(repositories.explore, entities),
  };
}
