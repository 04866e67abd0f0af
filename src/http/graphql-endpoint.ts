/**
 * /graphql on node:http itself, the way Apollo's own standalone server does it (CORS, body-parser's
 * JSON parser, then `executeHTTPGraphQLRequest`), rather than through Express: Express's router,
 * its request and response prototypes and `res.send` cost 1–2 ms of CPU per cheap request, a tenth
 * to a fifth of the server process's share (issue 9: the same build with and without it, against
 * the raw-driver floor in the same run). The other routes stay on Express.
 *
 * What a client sees is unchanged: the same CORS headers, the same 400/413/415 answers to a body
 * that is not JSON, too large or in another charset, the same CSRF refusals (Apollo's).
 */
import type http from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import bodyParser from "body-parser";
import type { RequestContext } from "../context";
import type { Logger } from "../logger";
import type { NodeMiddleware } from "./cors";

/** Node's request with what the JSON parser adds. */
type ParsedRequest = http.IncomingMessage & { body?: unknown };

interface HttpError extends Error {
  status?: number;
  statusCode?: number;
}

export interface GraphQLEndpointOptions {
  /** The request's context (its principal: a bad key is refused there, 401). */
  readonly context: (request: http.IncomingMessage) => Promise<RequestContext>;
  /** CORS for allowed origins (src/http/cors.ts), when any are configured. */
  readonly cors?: NodeMiddleware;
  readonly logger: Logger;
}

/** Whether the request is for the GraphQL endpoint (`/graphql`, `/graphql/`, with or without a query string). */
export function isGraphQLPath(url: string | undefined): boolean {
  const path = (url ?? "").split("?", 1)[0];
  return path === "/graphql" || path === "/graphql/";
}

export function graphqlEndpoint(apollo: ApolloServer<RequestContext>, options: GraphQLEndpointOptions) {
  const parseJson = bodyParser.json({ limit: "1mb" }) as NodeMiddleware;
  const cors: NodeMiddleware = options.cors ?? ((_request, _response, next) => next());
  return (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const failed = (error: unknown) => answerHttpError(error as HttpError, response, options.logger);
    cors(request, response, (corsError) => {
      if (corsError) return failed(corsError);
      parseJson(request, response, (parseError) => {
        if (parseError) return failed(parseError);
        execute(apollo, request as ParsedRequest, response, options).catch(failed);
      });
    });
  };
}

async function execute(
  apollo: ApolloServer<RequestContext>,
  request: ParsedRequest,
  response: http.ServerResponse,
  options: GraphQLEndpointOptions,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = request.url ?? "";
  const query = url.indexOf("?");
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (request.method ?? "GET").toUpperCase(),
      headers,
      search: query === -1 ? "" : url.slice(query),
      body: request.body,
    },
    context: () => options.context(request),
  });
  for (const [key, value] of answer.headers) response.setHeader(key, value);
  // Sandbox's page comes as bare text/html; Express named its charset, and so do we.
  const type = answer.headers.get("content-type");
  if (type?.startsWith("text/") && !type.includes("charset")) response.setHeader("content-type", `${type}; charset=utf-8`);
  response.statusCode = answer.status ?? 200;
  if (answer.body.kind === "complete") {
    response.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) response.write(chunk);
  response.end();
}

/**
 * The answer to a request that failed outside GraphQL (a body that is not JSON, too large, in
 * another charset; or a bug), shaped like a GraphQL error as clients expect, never a stack trace.
 * Express's error handler (src/http/app.ts) answers with it too.
 */
export function answerHttpError(error: HttpError, response: http.ServerResponse, logger: Logger): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const status = error.status ?? error.statusCode ?? 500;
  if (status >= 500) logger.error({ err: error }, "HTTP request failed");
  const body = JSON.stringify({
    errors: [
      {
        message: status < 500 ? `Bad request: ${error.message}` : "Internal server error",
        extensions: { code: status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR" },
      },
    ],
  });
  response.statusCode = status;
  response.setHeader("content-type", "application/json; charset=utf-8");
  response.setHeader("content-length", Buffer.byteLength(body));
  response.end(body);
}
