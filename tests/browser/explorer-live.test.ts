/// <reference lib="dom" />
/**
 * The explorer follows the graph live (issue 10): an editor writes through the real mutations
 * over HTTP with an editor key, as an analyst does, and the drawing open in a real browser
 * changes without a reload. The server runs on a scratch Neo4j of its own, since the test writes.
 */
import type { BrowserContext, Page } from "playwright-core";
import { startScratchNeo4j, type ScratchNeo4j } from "../../scripts/scratch-neo4j";
import { Role } from "../../src/auth";
import { Seeder } from "../../src/db/seeder";
import { startHttpTestApp, type HttpTestApp } from "../integration/test-server";
import { launchChromium } from "./browser";

jest.setTimeout(120_000);

let scratch: ScratchNeo4j;
let server: HttpTestApp;
let browser: { context: BrowserContext; close(): Promise<void> };
let editorKey: string;

const TEXT =
  "Microsoft a investi 20 millions de dollars dans Live Robotics en mars 2025. " +
  "En avril 2025, Microsoft investit de nouveau dans OpenAI.";
const SOURCE = { id: "live-browser-2025", title: "Live Robotics", language: "fr", publishedOn: "2025-04", text: TEXT };

beforeAll(async () => {
  scratch = await startScratchNeo4j({
    name: "browser-live",
    boltPort: Number(process.env.BROWSER_LIVE_NEO4J_BOLT_PORT ?? 7693),
    fresh: true,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent", LIVE_POLL_INTERVAL_MS: "100" },
  });
  server = await startHttpTestApp(scratch.config);
  const seeder = new Seeder(server.app.driver, scratch.config.neo4j);
  await seeder.applySchema();
  await seeder.applySeed();
  // A key as `npm run keys -- create --role editor` makes it (the same service).
  editorKey = (await server.app.createContext().apiKeys.create("browser-live-editor", Role.EDITOR)).key;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await scratch?.stop();
}, 60_000);

/** A mutation over HTTP with the editor's key; fails the test on any error. */
async function write(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const response = await fetch(`${server.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${editorKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

const ASSERT = `mutation($input: RelationInput!) { assertRelation(input: $input, reason: "from the article") { relation { id version } } }`;
const RETRACT = `mutation($id: ID!, $version: Int!) { retractRelation(id: $id, version: $version, reason: "misread") { relation { id } } }`;

/** A page that records console errors, uncaught exceptions and failed requests. */
async function openPage(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  await page.goto(url);
  return { page, problems };
}

/** Waits until the server registered the explorer's subscription, and its start in the log was read. */
async function subscribed(count = 1): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (server.app.http.subscriptions.follower.size < count) {
    if (Date.now() > deadline) throw new Error("the explorer's subscription was not registered");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}

const positions = (page: Page) =>
  page.evaluate(() => {
    const result: Record<string, { x: number; y: number }> = {};
    (window as any).explorer.cy.nodes().forEach((node: any) => (result[node.id()] = { ...node.position() }));
    return result;
  });

const pairCount = (page: Page) =>
  page.evaluate(() => {
    const explorer = (window as any).explorer;
    return explorer.cy.getElementById(explorer.pairId("microsoft", "openai")).data("count") as number;
  });

describe("the explorer follows the graph live", () => {
  test("a relation asserted by an editor appears without a reload, nothing drawn moves, a merged pair counts it, a retraction removes it", async () => {
    const { page, problems } = await openPage(`${server.base}/explorer#n=microsoft,openai&s=microsoft`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.waitForFunction(() => document.getElementById("live-status")!.dataset.state === "on");
    await subscribed();
    const before = await positions(page);
    expect(Object.keys(before).sort()).toEqual(["microsoft", "openai"]);
    const pairBefore = await pairCount(page);
    expect(pairBefore).toBeGreaterThan(1);

    await write(`mutation($input: SourceInput!) { registerSource(input: $input, reason: "test") { source { id } } }`, {
      input: SOURCE,
    });
    await write(`mutation($input: EntityInput!) { upsertEntity(input: $input, reason: "test") { entity { id } } }`, {
      input: { id: "live-robotics", name: "Live Robotics", kind: "COMPANY", aliases: [] },
    });
    const startup = (
      await write(ASSERT, {
        input: {
          type: "INVESTS_IN",
          from: "microsoft",
          to: "live-robotics",
          status: "ACTIVE",
          description: "Microsoft invests $20 million in Live Robotics.",
          validFrom: "2025-03",
          amount: { value: 20_000_000, currency: "USD", measure: "DEAL_VALUE" },
          references: [{ source: SOURCE.id, quotes: ["Microsoft a investi 20 millions de dollars dans Live Robotics"] }],
        },
      })
    ).assertRelation.relation;

    // The new relation and its far end are drawn, shown, and the entities drawn before stay put.
    await page.waitForFunction((id) => (window as any).explorer.cy.getElementById(id).nonempty(), startup.id, {
      timeout: 10_000,
    });
    const drawn = await page.evaluate((id) => {
      const explorer = (window as any).explorer;
      const edge = explorer.cy.getElementById(id);
      return {
        source: edge.data("source"),
        target: edge.data("target"),
        shown: explorer.isShown(id),
        nodeShown: explorer.cy.getElementById("live-robotics").visible(),
        hash: location.hash,
      };
    }, startup.id);
    expect(drawn).toMatchObject({ source: "microsoft", target: "live-robotics", shown: true, nodeShown: true });
    expect(drawn.hash).toContain("live-robotics");
    const after = await positions(page);
    expect({ microsoft: after.microsoft, openai: after.openai }).toEqual(before);
    // The side panel of the selected entity counts the new relation.
    await page.waitForFunction(() => /live robotics|Live Robotics/i.test(document.querySelector("#details")?.textContent ?? ""));

    // A new relation between two drawn entities joins their merged edge: its count follows.
    const again = (
      await write(ASSERT, {
        input: {
          type: "INVESTS_IN",
          from: "microsoft",
          to: "openai",
          status: "ACTIVE",
          description: "Microsoft invests in OpenAI again.",
          validFrom: "2025-04",
          references: [{ source: SOURCE.id, quotes: ["En avril 2025, Microsoft investit de nouveau dans OpenAI."] }],
        },
      })
    ).assertRelation.relation;
    await page.waitForFunction((id) => (window as any).explorer.cy.getElementById(id).nonempty(), again.id, { timeout: 10_000 });
    expect(await pairCount(page)).toBe(pairBefore + 1);
    expect(await page.evaluate((id) => (window as any).explorer.cy.getElementById(id).hasClass("merged"), again.id)).toBe(true);

    // The explorer follows the entity it drew live: live-robotics joined the subscription's ids.
    await subscribed();
    // Retractions remove the edges; the merged pair counts one less.
    await write(RETRACT, { id: startup.id, version: startup.version });
    await write(RETRACT, { id: again.id, version: again.version });
    await page.waitForFunction(
      (ids) => ids.every((id) => (window as any).explorer.cy.getElementById(id).empty()),
      [startup.id, again.id],
      { timeout: 10_000 },
    );
    expect(await pairCount(page)).toBe(pairBefore);
    expect(await page.evaluate(() => (window as any).explorer.cy.getElementById("live-robotics").nonempty())).toBe(true);
    expect((await positions(page)).microsoft).toEqual(before.microsoft);

    expect(problems).toEqual([]);
    // Leaving the page closes the socket: the server forgets the subscription.
    await page.close({ runBeforeUnload: true });
    const deadline = Date.now() + 5_000;
    while (server.app.http.subscriptions.follower.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.app.http.subscriptions.follower.size).toBe(0);
  });

  test("without the socket the explorer keeps working and says it is offline, without an error per attempt", async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    // The WebSocket is refused as a proxy that does not pass it would; HTTP works.
    await page.routeWebSocket(/\/graphql$/, (socket) => socket.close({ code: 1011, reason: "no WebSocket here" }));
    await page.goto(`${server.base}/explorer#n=openai`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await page.waitForFunction(() => document.getElementById("live-status")!.dataset.state === "offline", undefined, {
      timeout: 10_000,
    });
    // Drawing more still works over HTTP.
    await page.evaluate(() => (window as any).explorer.expand("openai"));
    await page.waitForFunction(() => (window as any).explorer.cy.getElementById("microsoft").nonempty());
    expect(await page.locator("#status").getAttribute("class")).not.toBe("error");
    expect(problems).toEqual([]);
    await page.close();
  });
});
