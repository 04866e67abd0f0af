/**
 * Per-request context. Services, their DataLoaders and the repositories are created per request
 * around the process's one QueryRunner, bound to the request's scope (deadline, concurrency,
 * abort), so batching, caching and limits never leak between callers.
 */
import { ApiKeyRepository } from "./auth/api-key.repository";
import { ApiKeyService } from "./auth/api-key.service";
import type { Principal } from "./auth/principal";
import type { AppConfig } from "./config";
import { CurationRepository } from "./curation/curation.repository";
import { CurationService } from "./curation/curation.service";
import { EntityRepository } from "./entity/entity.repository";
import { EntityService } from "./entity/entity.service";
import { EventRepository } from "./event/event.repository";
import { EventService } from "./event/event.service";
import { ExploreRepository } from "./explore/explore.repository";
import { ExploreService } from "./explore/explore.service";
import type { QueryRunner } from "./graph/query-runner";
import { ChangeRepository } from "./history/change.repository";
import { ChangeService } from "./history/change.service";
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
  readonly apiKeys: ApiKeyRepository;
  readonly curation: CurationRepository;
  readonly changes: ChangeRepository;
}

export function createRepositories(runner: QueryRunner, options: { readonly traversalTimeoutMs: number }): Repositories {
  return {
    explore: new ExploreRepository(runner, options.traversalTimeoutMs),
    entities: new EntityRepository(runner),
    relations: new RelationRepository(runner),
    events: new EventRepository(runner),
    sources: new SourceRepository(runner),
    apiKeys: new ApiKeyRepository(runner),
    curation: new CurationRepository(runner),
    changes: new ChangeRepository(runner),
  };
}

export function createRequestContext(runner: QueryRunner, config: AppConfig, principal: Principal | null = null): RequestContext {
  const scope = new RequestScope(config.graphql.requestTimeoutMs, config.neo4j.maxConcurrentPerRequest);
  const repositories = createRepositories(runner.forRequest(scope), config.neo4j);
  const entities = new EntityService(repositories.entities);
  return {
    scope,
    principal,
    apiKeys: new ApiKeyService(repositories.apiKeys),
    entities,
    relations: new RelationService(repositories.relations, entities),
    events: new EventService(repositories.events, entities),
    sources: new SourceService(repositories.sources),
    explore: new ExploreService(repositories.explore, entities),
    curation: new CurationService(repositories.curation),
    changes: new ChangeService(repositories.changes),
  };
}
