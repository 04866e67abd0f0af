/// <reference lib="dom" />
/**
 * Two origins in a real browser (issue 11's acceptance): a page served by another server, on
 * another port and host name, calls the API as a visualisation client would (a Vite dev server, a
 * notebook). CORS lets it read `/graphql` and `/graph.json` (the default CORS_ORIGINS admits
 * `http://localhost:*` and `http://127.0.0.1:*`); an origin outside the allow-list cannot read
 * them; and a cross-site HTML form posted at `/graphql` is still refused by Apollo's CSRF
 * prevention, whatever CORS admits.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext } from "playwright-core";
import { startHttpTestApp, type HttpTestApp } from "../integration/test-server";
import { launchChromium } from "./browser";

jest.setTimeout(120_000);

let server: HttpTestApp;
let browser: { context: BrowserContext; close(): Promise<void> };
/** The pages' servers: on 127.0.0.1 (also reached as localhost) and on 127.0.0.2, one port. */
const pages: http.Server[] = [];
let pagesPort: number;

/** The client page: it fetches the API (`api`, another origin) and leaves what it read in `window.results`. */
function clientPage(api: string): string {
  return `<!doctype html><meta charset="utf-8"><title>client</title>
<script>
  window.results = (async () => {
    const read = async (promise) => {
      try {
        const response = await promise;
        return { status: response.status, body: await response.json() };
      } catch (error) {
        return { failed: String(error) };
      }
    };
    const graphql = await read(fetch(${JSON.stringify(`${api}/graphql`)}, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "query Pair($id: ID!) { entity(id: $id) { name relations(counterparty: \\"microsoft\\", first: 3) { direction } } }",
        variables: { id: "openai" },
      }),
    }));
    const graph = await read(fetch(${JSON.stringify(`${api}/graph.json?ids=openai,microsoft&types=INVESTS_IN`)}));
    return { graphql, graph };
  })();
</script>`;
}

/** A cross-site form aimed at /graphql, posted as soon as the page loads. */
function formPage(api: string, enctype: string): string {
  // text/plain sends `name=value`: the classic way to smuggle a JSON body through a form.
  const [name, value] =
    enctype === "text/plain" ? ['{"query":"{ summary { entities } }","x":"', '"}'] : ["query", "{ summary { entities } }"];
  return `<!doctype html><meta charset="utf-8"><title>form</title>
<form method="POST" action="${api}/graphql" enctype="${enctype}">
  <input type="hidden" name='${name}' value='${value}'>
</form>
<script>document.forms[0].submit();</script>`;
}

beforeAll(async () => {
  server = await startHttpTestApp();
  const serve: http.RequestListener = (request, response) => {
    const url = new URL(request.url ?? "/", "http://pages");
    const body =
      url.pathname === "/client"
        ? clientPage(server.base)
        : url.pathname === "/form"
          ? formPage(server.base, url.searchParams.get("enctype") ?? "text/plain")
          : null;
    response.writeHead(body === null ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
    response.end(body ?? "not here");
  };
  const listen = (host: string, port: number) =>
    new Promise<http.Server>((resolve, reject) => {
      const pageServer = http.createServer(serve);
      pageServer.once("error", reject);
      pageServer.listen(port, host, () => resolve(pageServer));
    });
  pages.push(await listen("127.0.0.1", 0));
  pagesPort = (pages[0].address() as AddressInfo).port;
  // The same pages from a loopback address outside the allow-list.
  pages.push(await listen("127.0.0.2", pagesPort));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(pages.map((pageServer) => new Promise((resolve) => pageServer.close(resolve))));
  await server?.close();
});

/** Opens the client page from `origin`; what it read, the CORS headers the API answered, the console's errors. */
async function clientResults(origin: string) {
  const page = await browser.context.newPage();
  const allowOrigins: Record<string, string | null> = {};
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin === server.base && response.request().method() !== "OPTIONS") {
      allowOrigins[url.pathname] = response.headers()["access-control-allow-origin"] ?? null;
    }
  });
  await page.goto(`${origin}/client`);
  const results = await page.evaluate(() => (window as any).results);
  await page.close();
  return { results, allowOrigins, consoleErrors };
}

it("the API is on another origin than the pages", () => {
  expect(new URL(server.base).port).not.toBe(String(pagesPort));
});

it("a page on another port and host name (localhost) queries /graphql and fetches /graph.json", async () => {
  const origin = `http://localhost:${pagesPort}`;
  const { results, allowOrigins } = await clientResults(origin);
  expect(results.graphql).toMatchObject({ status: 200, body: { data: { entity: { name: "OpenAI" } } } });
  expect(results.graphql.body.errors).toBeUndefined();
  expect(results.graphql.body.data.entity.relations).toHaveLength(3);
  expect(results.graph.status).toBe(200);
  expect(results.graph.body.nodes.map((node: { id: string }) => node.id).sort()).toEqual(["microsoft", "openai"]);
  expect(results.graph.body.edges.length).toBeGreaterThan(0);
  expect(allowOrigins).toEqual({ "/graphql": origin, "/graph.json": origin });
});

it("a page on 127.0.0.1 (another port) reads them too", async () => {
  const { results } = await clientResults(`http://127.0.0.1:${pagesPort}`);
  expect(results.graphql.status).toBe(200);
  expect(results.graph.status).toBe(200);
});

it("an origin outside the allow-list reads neither", async () => {
  // 127.0.0.2 is loopback too, but not in CORS_ORIGINS: the browser withholds the answers.
  const { results, allowOrigins, consoleErrors } = await clientResults(`http://127.0.0.2:${pagesPort}`);
  expect(results.graphql.failed).toMatch(/TypeError/);
  expect(results.graph.failed).toMatch(/TypeError/);
  // The server answered /graph.json (a simple GET) without CORS headers; the preflight of /graphql got none either.
  expect(allowOrigins["/graphql"]).toBeUndefined();
  expect(allowOrigins["/graph.json"] ?? null).toBeNull();
  expect(consoleErrors.filter((text) => text.includes("CORS policy"))).toHaveLength(2);
});

it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])(
  "a cross-site form posted to /graphql as %s is refused by CSRF prevention (from an allowed origin too)",
  async (enctype) => {
    const page = await browser.context.newPage();
    const answered = page.waitForResponse((response) => response.url() === `${server.base}/graphql`);
    await page.goto(`http://localhost:${pagesPort}/form?enctype=${encodeURIComponent(enctype)}`);
    const response = await answered;
    expect(response.request().method()).toBe("POST");
    expect(response.request().headers()["content-type"]).toContain(enctype);
    expect(response.status()).toBe(400);
    const body = await response.text();
    expect(body).toContain("Cross-Site Request Forgery");
    expect(body).not.toContain('"data"');
    await page.close();
  },
);
