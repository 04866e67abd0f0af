/**
 * GraphQL subscriptions over WebSocket at /graphql, on the HTTP server's own port: the
 * graphql-transport-ws protocol (graphql-ws), which Apollo Sandbox and Apollo Client speak.
 * Queries and mutations stay on HTTP (POST /graphql); the socket carries subscriptions only.
 *
 * An operation is held to the limits of the HTTP path before it runs: tokens, aliases, depth,
 * directives, variable depth and cost; errors leave through the same `formatError`. A browser
 * may open the socket from this server's own pages or from an origin of CORS_ORIGINS, as it may
 * read /graphql's answers; clients that send no Origin (servers, scripts) are not browsers.
 */
import type http from "node:http";
import type { Duplex } from "node:stream";
import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import type * as GraphqlWsUseWs from "graphql-ws/use/ws";
import type * as Ws from "ws";
import type { WebSocketServer } from "ws";
import { BadUserInputError } from "../common/errors";
import type { AppConfig } from "../config";
import type { FailureLog } from "../failure-log";
import type { QueryRunner } from "../graph/query-runner";
import { checkCost } from "../http/complexity";
import { originAllowed } from "../http/cors";
import { createFormatError } from "../http/format-error";
import { deepestVariable, operationValidationRules } from "../http/operation-limits";
import type { Logger } from "../logger";
import type { RequestContext } from "../request-context";
import { ChangeFeed } from "./change-feed";
import { ChangeFeedRepository } from "./change-feed.repository";
import { ChangeFollower } from "./change-follower";
import { createLiveContext } from "./live-context";

/**
 * AUTH SEAM: turns the `Authorization` value a client sends in its connection parameters
 * (`connectionParams: { Authorization: "Bearer …" }`; undefined when it sends none) into the
 * principal the request context is made for, or throws (a GraphQLError with its code) to refuse
 * the connection. `request` is the socket's upgrade request (its client address, for throttling).
 * Without it every connection is anonymous.
 */
export type Authenticate<P> = (authorization: string | undefined, request: http.IncomingMessage) => Promise<P> | P;

export interface SubscriptionServerOptions<P> {
  readonly httpServer: http.Server;
  readonly schema: GraphQLSchema;
  readonly config: AppConfig;
  readonly runner: QueryRunner;
  readonly logger: Logger;
  readonly failures: FailureLog;
  /** A request context for the connection's principal (undefined without `authenticate`). */
  readonly createContext: (principal: P | undefined) => RequestContext;
  readonly authenticate?: Authenticate<P>;
}

export interface SubscriptionServer {
  readonly follower: ChangeFollower;
  /** Closes every socket (1001 Going away), the WebSocket server and the change follower. */
  dispose(): Promise<void>;
}

export function attachSubscriptionServer<P>(options: SubscriptionServerOptions<P>): SubscriptionServer {
  const { config, schema } = options;
  const limits = config.graphql;
  const follower = new ChangeFollower(new ChangeFeed(new ChangeFeedRepository(options.runner)), {
    pollIntervalMs: config.live.pollIntervalMs,
    maxQueuedChanges: config.live.maxQueuedChanges,
    logger: options.logger,
  });
  const formatError = createFormatError(options.failures);
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  const rules = [...specifiedRules, ...operationValidationRules(limits)];
  const principals = new WeakMap<object, P | undefined>();

  // ws and graphql-ws are loaded, and the WebSocket server made, when the first upgrade request
  // arrives: loading them (17 modules) cost about 25 ms of the cold start (issue 9).
  let wsServer: WebSocketServer | undefined;
  let cleanup: { dispose(): void | Promise<void> } | undefined;
  const createServer = (): WebSocketServer => {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
    const { WebSocketServer } = require("ws") as typeof Ws;
    const { useServer } = require("graphql-ws/use/ws") as typeof GraphqlWsUseWs;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const server = new WebSocketServer({
      noServer: true,
      path: "/graphql",
      // A frame holds one operation; the HTTP path takes bodies up to 1 MB.
      maxPayload: 1024 * 1024,
      verifyClient: ({ origin, req }: { origin: string | undefined; req: http.IncomingMessage }) =>
        origin === undefined || sameOrigin(origin, req) || originAllowed(origin, config.http.corsOrigins),
    });
    cleanup = useServer(
      {
        schema,
        onConnect: async (ctx) => {
          if (!options.authenticate) return true;
          const params = ctx.connectionParams ?? {};
          const header = params.Authorization ?? params.authorization;
          try {
            principals.set(ctx, await options.authenticate(typeof header === "string" ? header : undefined, ctx.extra.request));
            return true;
          } catch (error) {
            const message = error instanceof GraphQLError ? error.message : "Unauthorized";
            // 4403, with the reason (graphql-ws closes with "Forbidden" alone when told false).
            ctx.extra.socket.close(4403, message.slice(0, 120));
            return false;
          }
        },
        onSubscribe: (_ctx, _id, payload) => {
          let document: DocumentNode;
          try {
            document = parse(payload.query, { maxTokens: limits.maxTokens });
          } catch (error) {
            return [coded(error instanceof GraphQLError ? error : new GraphQLError(String(error)), "GRAPHQL_PARSE_FAILED")];
          }
          const errors = validate(schema, document, rules);
          if (errors.length > 0) return errors.map((error) => coded(error, "GRAPHQL_VALIDATION_FAILED"));
          const operation = getOperationAST(document, payload.operationName ?? undefined);
          if (operation && operation.operation !== OperationTypeNode.SUBSCRIPTION) {
            return [
              new GraphQLError(`Only subscriptions go over WebSocket; send ${operation.operation}s to POST /graphql.`, {
                extensions: { code: "BAD_REQUEST" },
              }),
            ];
          }
          const variables = payload.variables ?? {};
          const deepest = deepestVariable(variables, limits.maxVariableDepth);
          if (deepest) {
            return [
              new BadUserInputError(
                deepest,
                `Variable "$${deepest}" nests lists or objects more than ${limits.maxVariableDepth} levels deep.`,
              ),
            ];
          }
          try {
            checkCost(schema, document, payload.operationName ?? undefined, variables, limits.maxCost);
          } catch (error) {
            if (error instanceof GraphQLError) return [error];
            throw error;
          }
          return { schema, document, operationName: payload.operationName, variableValues: variables };
        },
        context: (ctx) => createLiveContext(() => options.createContext(principals.get(ctx)), follower),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: format(result.errors) } : undefined,
        onError: (_ctx, _id, _payload, errors) => format(errors),
      },
      server,
    );
    return server;
  };
  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    wsServer ??= createServer();
    const server = wsServer;
    server.handleUpgrade(request, socket, head, (client) => server.emit("connection", client, request));
  };
  options.httpServer.on("upgrade", onUpgrade);
  return {
    follower,
    dispose: async () => {
      options.httpServer.off("upgrade", onUpgrade);
      follower.close();
      await cleanup?.dispose();
    },
  };
}

/** graphql-js's parse and validation errors with the code Apollo gives them on the HTTP path. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/** A page of this server itself (the explorer): its origin is the Host the socket was asked of. */
function sameOrigin(origin: string, req: http.IncomingMessage): boolean {
  try {
    return new URL(origin).host.toLowerCase() === String(req.headers.host ?? "").toLowerCase();
  } catch {
    return false;
  }
}
