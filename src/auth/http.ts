/**
 * The HTTP side of authentication: the client address used for throttling and logs, and the
 * gate of the REST routes (/graph.json, /graph.graphml, /sources/…/text), which answer the same
 * codes and statuses as /graphql. /graphql resolves its principal in Apollo's context function.
 */
import type express from "express";
import type http from "node:http";
import { GraphQLError } from "graphql";
import { restError } from "../common/errors";
import { httpHeadersOf } from "./auth.errors";
import type { Authenticator } from "./authenticator";

/**
 * The peer's address. Behind a reverse proxy every client has the proxy's address (the throttle
 * then counts them together); X-Forwarded-For is not read, since any client can write it.
 */
export function clientAddress(req: http.IncomingMessage): string {
  return req.socket.remoteAddress ?? "unknown";
}

export function restAuthGate(auth: Authenticator): express.RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.principal = await auth.authenticate(req.headers.authorization, clientAddress(req));
      next();
    } catch (error) {
      if (!(error instanceof GraphQLError)) return next(error);
      const { status, body } = restError(error);
      for (const [name, value] of httpHeadersOf(error)) res.setHeader(name, value);
      res.status(status).json(body);
    }
  };
}
