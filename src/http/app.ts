/**
 * The HTTP surface: GraphQL at /graphql (Apollo Sandbox as its landing page in development),
 * liveness at /health, readiness at /ready. Building it does not listen: tests mount it on
 * port 0, `main.ts` on the configured port.
 */
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import type { AppConfig } from "../config";
import { createRequestContext, type Repositories, type RequestContext } from "../context";
import type { QueryRunner } from "../graph/query-runner";
import type { Logger } from "../logger";
import { complexityLimitPlugin } from "./complexity";
import { createFormatError } from "./format-error";
import { graphExportRouter } from "./graph-export";
import { staticPagesRouter } from "./static-pages";

export interface HttpAppDependencies {
  readonly config: AppConfig;
  readonly schema: GraphQLSchema;
  readonly runner: QueryRunner;
  readonly repositories: Repositories;
  readonly logger: Logger;
}

interface HttpError extends Error {
  status?: number;
  statusCode?: number;
}

export interface HttpApp {
  readonly apollo: ApolloServer<RequestContext>;
  readonly httpServer: http.Server;
  /** Listens on `port` (0 for any free port) and resolves with the URL of the GraphQL endpoint. */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export function createApolloServer(
  deps: Pick<HttpAppDependencies, "config" | "schema" | "logger">,
  httpServer?: http.Server,
): ApolloServer<RequestContext> {
  const development = deps.config.environment === "development";
  return new ApolloServer<RequestContext>({
    schema: deps.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(deps.logger),
    logger: deps.logger,
    plugins: [
      complexityLimitPlugin<RequestContext>(deps.schema, deps.config.maxQueryCost),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}

export async function createHttpApp(deps: HttpAppDependencies): Promise<HttpApp> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = createApolloServer(deps, httpServer);
  await apollo.start();

  app.disable("x-powered-by");
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    const neo4jUp = await deps.runner.ping();
    res.status(neo4jUp ? 200 : 503).json({ status: neo4jUp ? "ready" : "unavailable", neo4j: neo4jUp ? "up" : "down" });
  });
  app.get("/", (_req, res) => {
    res.redirect("/graphql");
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async () => createRequestContext(deps.repositories),
    }),
  );
  app.use(graphExportRouter(apollo, () => createRequestContext(deps.repositories)));
  app.use(staticPagesRouter());
  // Express's default error page prints a stack trace outside production; answer a bad body
  // (malformed or oversized JSON) the way GraphQL clients expect instead.
  app.use((error: HttpError, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 500) deps.logger.error({ err: error }, "HTTP request failed");
    res.status(status).json({
      errors: [
        {
          message: status < 500 ? `Bad request: ${error.message}` : "Internal server error",
          extensions: { code: status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR" },
        },
      ],
    });
  });

  return {
    apollo,
    httpServer,
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
