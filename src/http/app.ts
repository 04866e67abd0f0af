/**
 * The HTTP surface: GraphQL at /graphql (Apollo Sandbox as its landing page unless
 * GRAPHQL_LANDING_PAGE=none), liveness at /health, readiness at /ready. Building it does not
 * listen: `createApp` (src/app.ts) does, on port 0 in tests and the configured port in `main.ts`.
 */
import http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import express from "express";
import type { GraphQLSchema } from "graphql";
import { Authenticator } from "../auth/authenticator";
import { clientAddress, restAuthGate } from "../auth/http";
import type { AppConfig } from "../config";
import { createRequestContext, type RequestContext } from "../context";
import type { FailureLog } from "../failure-log";
import type { QueryRunner } from "../graph/query-runner";
import type { Logger } from "../logger";
import { ErrorCode, restError } from "../common/errors";
import { attachSubscriptionServer, type SubscriptionServer } from "../live/ws";
import { corsMiddleware } from "./cors";
import { EXAMPLE_OPERATIONS } from "./examples";
import { CompiledExecution } from "./compiled-execution";
import { createFormatError } from "./format-error";
import { answerHttpError, graphqlEndpoint, isGraphQLPath } from "./graphql-endpoint";
import { graphExportRouter } from "./graph-export";
import { operationLimitsPlugin, operationValidationRules } from "./operation-limits";
import { sourceTextRouter } from "./source-text";
import { staticPagesRouter } from "./static-pages";

export interface HttpAppDependencies {
  readonly config: AppConfig;
  readonly schema: GraphQLSchema;
  readonly runner: QueryRunner;
  readonly logger: Logger;
  /** Where repeated failures (Neo4j down, timeouts) are logged, one line per kind per interval. */
  readonly failures: FailureLog;
}

export interface HttpApp {
  readonly apollo: ApolloServer<RequestContext>;
  /** Executes Apollo's operations with graphql-jit; its count of compiled operations is for tests and diagnostics. */
  readonly execution: CompiledExecution;
  readonly httpServer: http.Server;
  /** Resolves each request's API key (src/auth); its cache and failure counts live here. */
  readonly auth: Authenticator;
  /** `graphChanged` subscriptions over WebSocket at /graphql, and the process's change follower. */
  readonly subscriptions: SubscriptionServer;
  /** Listens on `port` (0 for any free port) and resolves with the URL of the GraphQL endpoint. */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export function createApolloServer(
  deps: Pick<HttpAppDependencies, "config" | "schema" | "logger" | "failures">,
  execution: CompiledExecution,
  httpServer?: http.Server,
  subscriptions?: SubscriptionServer,
): ApolloServer<RequestContext> {
  const limits = deps.config.graphql;
  return new ApolloServer<RequestContext>({
    // The schema, executed by graphql-jit (src/http/compiled-execution.ts).
    gateway: execution.gateway(),
    introspection: limits.introspection,
    hideSchemaDetailsFromClientErrors: !limits.schemaHints,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: operationValidationRules(limits),
    formatError: createFormatError(deps.failures),
    logger: deps.logger,
    plugins: [
      operationLimitsPlugin<RequestContext>(deps.schema, limits),
      endRequestScopePlugin,
      // The default cache-control plugin wraps every field's resolver (willResolveField) to compute
      // cache hints this API never sets: about a third of a large answer's CPU for nothing.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo installs federated tracing unasked, and it acts only in a subgraph, which this is
      // not; loading it (protobuf code, 22 modules) cost about 20 ms of the cold start (issue 9).
      ApolloServerPluginInlineTraceDisabled(),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      // Apollo's pattern for subscriptions: stopping the server closes the WebSocket side too.
      ...(subscriptions ? [drainPlugin(() => subscriptions.dispose())] : []),
      // Sandbox loads from Apollo's CDN; `none` serves no page (the production default).
      limits.landingPage === "sandbox"
        ? ApolloServerPluginLandingPageLocalDefault({
            embed: true,
            includeCookies: false,
            // Sandbox opens on a useful first operation, with its variables.
            document: EXAMPLE_OPERATIONS[0].query,
            variables: EXAMPLE_OPERATIONS[0].variables,
          })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
}

function drainPlugin(drain: () => Promise<void>): ApolloServerPlugin<RequestContext> {
  return {
    async serverWillStart() {
      return { drainServer: drain };
    },
  };
}

/** Releases the request's deadline timer once its response is on its way. */
const endRequestScopePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async willSendResponse() {
        contextValue.scope?.end();
      },
    };
  },
};

export async function createHttpApp(deps: HttpAppDependencies): Promise<HttpApp> {
  const app = express();
  // /graphql is served without Express (src/http/graphql-endpoint.ts), once Apollo has started.
  const routes: { graphql?: (request: http.IncomingMessage, response: http.ServerResponse) => void } = {};
  // Node's defaults give a slow client a minute for its headers and five for its body, checked
  // every 30 s; ours are shorter and checked every second, so they hold to about a second.
  const httpServer = http.createServer(
    {
      headersTimeout: deps.config.http.headersTimeoutMs,
      requestTimeout: deps.config.http.requestTimeoutMs,
      connectionsCheckingInterval: 1_000,
    },
    (request, response) =>
      routes.graphql && isGraphQLPath(request.url) ? routes.graphql(request, response) : app(request, response),
  );
  const auth = Authenticator.forRunner(deps.runner, deps.config.auth, deps.logger);
  const subscriptions = attachSubscriptionServer({
    ...deps,
    httpServer,
    // The same principal as HTTP, from connectionParams.Authorization; a bad key closes the socket.
    authenticate: (header, request) => auth.authenticate(header, clientAddress(request)),
    createContext: (principal) => createRequestContext(deps.runner, deps.config, principal ?? null),
  });
  const execution = new CompiledExecution(deps.schema, deps.config.graphql.compileAfterRuns);
  const apollo = createApolloServer(deps, execution, httpServer, subscriptions);
  await apollo.start();

  app.disable("x-powered-by");
  const cors = deps.config.http.corsOrigins.length > 0 ? corsMiddleware(deps.config.http.corsOrigins) : undefined;
  if (cors) app.use(cors);
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  // Answers within READY_TIMEOUT_MS whatever Neo4j does (down, or up but hung).
  app.get("/ready", async (_req, res) => {
    const neo4jUp = await deps.runner.ping();
    res.status(neo4jUp ? 200 : 503).json({ status: neo4jUp ? "ready" : "unavailable", neo4j: neo4jUp ? "up" : "down" });
  });
  routes.graphql = graphqlEndpoint(apollo, {
    // A bad key is refused here, before anything runs (UNAUTHENTICATED, 401); Apollo's CSRF
    // check has already run. Each field's role is checked by the authChecker (src/auth).
    context: async (request) =>
      createRequestContext(
        deps.runner,
        deps.config,
        await auth.authenticate(request.headers.authorization, clientAddress(request)),
      ),
    cors,
    logger: deps.logger,
  });
  // The REST routes answer the same reads, under the same policy.
  app.use(["/graph.json", "/graph.graphml", "/sources"], restAuthGate(auth));
  app.use(graphExportRouter(apollo, () => createRequestContext(deps.runner, deps.config)));
  app.use(
    sourceTextRouter(
      () => createRequestContext(deps.runner, deps.config),
      (error) => deps.logger.error({ err: error }, "GET /sources/:id/text failed"),
    ),
  );
  app.use(staticPagesRouter());
  // An unknown path is a coded JSON error like every other answer, not Express's HTML page.
  app.use((req, res) => {
    const { status, body } = restError({
      message: `No page or endpoint at ${req.method} ${req.path}; start at /graphql or /explorer.`,
      extensions: { code: ErrorCode.NOT_FOUND },
    });
    res.status(status).json(body);
  });
  // Express's default error page prints a stack trace outside production; answer a bad body
  // (malformed or oversized JSON) the way GraphQL clients expect instead.
  app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) =>
    answerHttpError(error, res, deps.logger),
  );

  return {
    apollo,
    execution,
    httpServer,
    auth,
    subscriptions,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", (error: NodeJS.ErrnoException) =>
          reject(
            error.code === "EADDRINUSE"
              ? new Error(`Port ${port} is already in use (is the server already running?); set PORT to another port.`)
              : error,
          ),
        );
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const actualPort = typeof address === "object" && address ? address.port : port;
          const shownHost = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host;
          resolve(`http://${shownHost}:${actualPort}/graphql`);
        });
      }),
    stop: () => apollo.stop(),
  };
}
