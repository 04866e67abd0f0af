/**
 * Pages served by the server itself, from this repository (`public/`) and from installed npm
 * packages, never from a CDN, so they work offline and behind a firewall:
 *
 *   /explorer   the visual explorer (Cytoscape.js over the GraphQL API)
 *   /graphiql   GraphiQL, for analysts without access to Apollo Sandbox's CDN, with the example
 *               operations (examples.ts) in its tabs and its Examples panel
 *
 * A strict Content-Security-Policy (`'self'` only) keeps it that way: a page that tried to load
 * anything from elsewhere would fail its browser test.
 */
import fs from "node:fs";
import path from "node:path";
import express from "express";
import { EXAMPLE_OPERATIONS } from "./examples";
import { defaultProjectRoot } from "../config";

const PUBLIC_DIR = path.join(defaultProjectRoot(), "public");

/**
 * A file inside an installed package. Packages' `exports` maps hide their browser builds from
 * `require.resolve`, so the package folder is found on Node's own search path instead.
 */
function packageFile(packageName: string, file: string): string {
  for (const directory of module.paths) {
    const candidate = path.join(directory, packageName, file);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${packageName}/${file} is not installed; run npm install.`);
}

/** Files from npm packages, by the URL path they are served under (a Map: no inherited names). */
const VENDOR_FILES = new Map<string, string>([
  ["cytoscape.min.js", packageFile("cytoscape", "dist/cytoscape.min.js")],
  ["react.production.min.js", packageFile("react", "umd/react.production.min.js")],
  ["react-dom.production.min.js", packageFile("react-dom", "umd/react-dom.production.min.js")],
  ["graphiql.min.js", packageFile("graphiql", "graphiql.min.js")],
  ["graphiql.min.css", packageFile("graphiql", "graphiql.min.css")],
  // The explorer's live updates: graphql-ws's browser client (global `graphqlWs`).
  ["graphql-ws.min.js", packageFile("graphql-ws", "umd/graphql-ws.min.js")],
]);

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and Cytoscape.js set inline styles on the elements they draw.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // 'self' admits this server's own WebSocket too (ws:// beside http://, wss:// beside https://),
  // which the explorer's live updates use; nothing else.
  "connect-src 'self'",
  "frame-ancestors 'self'",
].join("; ");

/**
 * GraphiQL's page with the example operations written into it, as a JSON data block (never run,
 * so the Content-Security-Policy stays as strict): GraphiQL offers them without a request.
 */
export function graphiqlPage(): string {
  const html = fs.readFileSync(path.join(PUBLIC_DIR, "graphiql", "index.html"), "utf8");
  // "<" escaped, so no text of an example can close the script element.
  const json = JSON.stringify(EXAMPLE_OPERATIONS).replace(/</g, "\\u003c");
  return html.replace("<!-- examples -->", () => `<script type="application/json" id="examples">${json}</script>`);
}

export function staticPagesRouter(): express.Router {
  const router = express.Router();
  const graphiql = graphiqlPage();
  const secure: express.RequestHandler = (_req, res, next) => {
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    next();
  };

  router.get("/", secure, (_req, res) => {
    res.sendFile(path.join(PUBLIC_DIR, "home", "index.html"));
  });
  router.use("/home/assets", secure, express.static(path.join(PUBLIC_DIR, "home"), { index: false }));
  router.get("/home/examples.json", (_req, res) => {
    res.json(EXAMPLE_OPERATIONS);
  });
  router.get(["/explorer", "/explorer/"], secure, (_req, res) => {
    res.sendFile(path.join(PUBLIC_DIR, "explorer", "index.html"));
  });
  router.use("/explorer/assets", secure, express.static(path.join(PUBLIC_DIR, "explorer"), { index: false }));
  router.get(["/graphiql", "/graphiql/"], secure, (_req, res) => {
    res.type("html").send(graphiql);
  });
  router.use("/graphiql/assets", secure, express.static(path.join(PUBLIC_DIR, "graphiql"), { index: false }));
  router.get("/vendor/:file", secure, (req, res, next) => {
    const file = VENDOR_FILES.get(String(req.params.file));
    if (!file) return next();
    res.sendFile(file, { maxAge: "1h" });
  });
  return router;
}
