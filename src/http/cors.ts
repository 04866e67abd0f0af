/**
 * CORS for the API, so Apollo Studio's Sandbox and visualisation clients on other origins (a Vite
 * dev server, a notebook) can call it: the origins of CORS_ORIGINS get the headers, others none.
 * It opens nothing that CSRF protection closes: Apollo Server still refuses a "simple" request
 * (no JSON content type, no `apollo-require-preflight` header), which is what a cross-site form
 * or image could send; an allowed origin only gets to read the answers of real GraphQL requests.
 */
import cors from "cors";
import type http from "node:http";

/** A Connect-style middleware on Node's own request and response: Express takes it, and so does /graphql without Express. */
export type NodeMiddleware = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** Whether `origin` is one of `allowed`, where "http://localhost:*" admits any port. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    if (!entry.endsWith(":*")) return entry.toLowerCase() === origin.toLowerCase();
    const base = entry.slice(0, -2).toLowerCase();
    const lower = origin.toLowerCase();
    return lower === base || (lower.startsWith(`${base}:`) && /^\d{1,5}$/.test(lower.slice(base.length + 1)));
  });
}

export function corsMiddleware(allowed: readonly string[]): NodeMiddleware {
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && originAllowed(origin, allowed)),
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["content-type", "apollo-require-preflight", "x-apollo-operation-name", "authorization"],
    // A preflight answer is reused for ten minutes rather than asked before each request.
    maxAge: 600,
  });
}
