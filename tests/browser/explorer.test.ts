/// <reference lib="dom" />
/**
 * The explorer and GraphiQL pages in a real browser (headless Debian chromium), against the real
 * server and Neo4j. Anything the pages fetch from outside this server fails the test: they must
 * work offline. A screenshot of the explorer is kept in artifacts/ for a person to look at.
 */
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { startHttpTestApp, type HttpTestApp } from "../integration/test-server";
import { ARTIFACTS_DIR, launchChromium } from "./browser";

jest.setTimeout(120_000);

let server: HttpTestApp;
let base: string;
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  server = await startHttpTestApp();
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records console errors, uncaught exceptions, failed requests and off-site requests. */
async function openPage(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on("request", (request) => {
    const requested = new URL(request.url());
    if (!["data:", "blob:"].includes(requested.protocol) && requested.origin !== base) {
      problems.push(`off-site request: ${request.url()}`);
    }
  });
  await page.goto(url);
  return { page, problems };
}

/**
 * Clicks a Cytoscape element where it is drawn, as a person would. The view is left as the
 * layout fitted it (moving it just before a click makes Cytoscape's hit test miss). An edge is
 * clicked at points along its line until the side panel shows it, in case a node covers one.
 */
async function clickElement(page: Page, id: string): Promise<void> {
  // Let Cytoscape draw (it computes edge geometry, used by hit tests, when it draws).
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const pointAt = (fraction: number) =>
    page.evaluate(
      ([elementId, along]) => {
        const cy = (window as any).explorer.cy;
        const element = cy.getElementById(elementId);
        if (element.empty()) throw new Error(`${elementId} is not drawn`);
        const box = cy.container().getBoundingClientRect();
        if (element.isNode()) {
          const position = element.renderedPosition();
          return { x: box.left + position.x, y: box.top + position.y };
        }
        const from = element.renderedSourceEndpoint();
        const to = element.renderedTargetEndpoint();
        return {
          x: box.left + from.x + (to.x - from.x) * (along as number),
          y: box.top + from.y + (to.y - from.y) * (along as number),
        };
      },
      [id, fraction] as const,
    );
  const isEdge = await page.evaluate((elementId) => (window as any).explorer.cy.getElementById(elementId).isEdge(), id);
  if (!isEdge) {
    const point = await pointAt(0);
    await page.mouse.click(point.x, point.y);
    return;
  }
  for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const point = await pointAt(fraction);
    await page.mouse.click(point.x, point.y);
    const shown = await page.waitForSelector(`#details[data-relation-id="${id}"]`, { timeout: 1000 }).then(
      () => true,
      () => false,
    );
    if (shown) return;
  }
  throw new Error(`clicking ${id} along its line never selected it`);
}

/**
 * Waits (5 s at most) until an element is shown, or hidden, as asked: Cytoscape applies style
 * changes asynchronously. Resolves with what the page shows in the end.
 */
async function isVisible(page: Page, id: string, expected: boolean): Promise<boolean> {
  const read = () =>
    page.evaluate((elementId) => {
      const element = (window as any).explorer.cy.getElementById(elementId);
      return element.nonempty() && element.style("display") !== "none" && element.visible();
    }, id);
  for (let waited = 0; waited < 5000; waited += 100) {
    if ((await read()) === expected) return expected;
    await page.waitForTimeout(100);
  }
  return read();
}

describe("/explorer in headless Chromium", () => {
  it("searches, expands, replays by date, shows a relation's quote and highlights a shortest path", async () => {
    const { page, problems } = await openPage(`${base}/explorer`);
    await page.waitForSelector("body[data-ready=true]");

    // Search finds OpenAI; choosing it draws it.
    await page.fill("#search-input", "OpenAI");
    await page.click("#search-form button[type=submit]");
    await page.click('#search-results button[data-entity-id="openai"]');
    await page.waitForFunction(() => (window as any).explorer.cy.getElementById("openai").nonempty());

    // Clicking OpenAI expands its neighbours: Microsoft appears.
    await clickElement(page, "openai");
    await page.waitForFunction(() => (window as any).explorer.cy.getElementById("microsoft").nonempty());
    expect(await isVisible(page, "microsoft", true)).toBe(true);
    expect(await isVisible(page, "google-supplies-cloud-to-openai", true)).toBe(true);

    // The relation's facts and quote in the side panel.
    await clickElement(page, "google-supplies-cloud-to-openai");
    await page.waitForSelector("#details blockquote");
    expect(await page.textContent("#details")).toContain("Google Cloud (mai 2025)");

    // Slider to 2020: the May 2025 Google Cloud link is hidden, the 2019 Microsoft investment stays.
    const index2020 = await page.evaluate(() => (window as any).explorer.state.months.indexOf("2020-06"));
    expect(index2020).toBeGreaterThanOrEqual(0);
    await page.evaluate((index) => {
      const slider = document.getElementById("date-slider") as HTMLInputElement;
      slider.value = String(index);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
    }, index2020);
    expect(await page.textContent("#date-label")).toBe("2020-06");
    expect(await isVisible(page, "google-supplies-cloud-to-openai", false)).toBe(false);
    expect(await isVisible(page, "microsoft-invests-in-openai-2019-07", true)).toBe(true);
    // Back to all dates.
    await page.evaluate(() => {
      const slider = document.getElementById("date-slider") as HTMLInputElement;
      slider.value = slider.max;
      slider.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(await isVisible(page, "google-supplies-cloud-to-openai", true)).toBe(true);

    // Type filter: unticking SUPPLIES_CLOUD hides the link.
    await page.uncheck('#type-filters input[value="SUPPLIES_CLOUD"]');
    expect(await isVisible(page, "google-supplies-cloud-to-openai", false)).toBe(false);
    await page.check('#type-filters input[value="SUPPLIES_CLOUD"]');

    // Pick FTC then Windsurf: the shortest path (via Microsoft or OpenAI) is highlighted.
    await page.click("#path-mode");
    await clickElement(page, "ftc");
    await clickElement(page, "windsurf");
    await page.waitForFunction(() => (window as any).explorer.cy.$(".path").length > 0);
    const highlighted = await page.evaluate(() =>
      (window as any).explorer.cy
        .$(".path")
        .map((element: any) => element.id())
        .sort(),
    );
    expect(highlighted).toEqual(expect.arrayContaining(["ftc", "windsurf"]));
    expect(highlighted).toHaveLength(5); // three nodes, two relations
    expect(highlighted.some((id: string) => id === "microsoft" || id === "openai")).toBe(true);
    expect(await page.textContent("#status")).toMatch(/Shortest path, 2 relation\(s\)/);

    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "explorer.png") });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("renders the API's Cytoscape.js payload unchanged", async () => {
    const { page, problems } = await openPage(`${base}/explorer`);
    await page.waitForSelector("body[data-ready=true]");
    const result = await page.evaluate(async () => {
      const elements: any[] = await (await fetch("/graph.json?format=cytoscape")).json();
      const cy = (window as any).cytoscape({ headless: true, elements });
      const mismatches = elements.filter(
        (element: any) => JSON.stringify(cy.getElementById(element.data.id).data()) !== JSON.stringify(element.data),
      );
      return {
        given: elements.length,
        drawn: cy.elements().length,
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        mismatches: mismatches.map((element: any) => element.data.id),
      };
    });
    expect(result.mismatches).toEqual([]);
    expect(result.drawn).toBe(result.given);
    expect(result.nodes).toBe(35);
    expect(result.edges).toBe(80);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("serves GraphML that a browser's XML parser accepts", async () => {
    const { page } = await openPage(`${base}/explorer`);
    const parsed = await page.evaluate(async () => {
      const text = await (await fetch("/graph.graphml")).text();
      const xml = new DOMParser().parseFromString(text, "application/xml");
      return {
        errors: xml.getElementsByTagName("parsererror").length,
        nodes: xml.getElementsByTagName("node").length,
        edges: xml.getElementsByTagName("edge").length,
      };
    });
    expect(parsed).toEqual({ errors: 0, nodes: 35, edges: 80 });
    await page.close();
  });
});

describe("/graphiql in headless Chromium", () => {
  it("loads offline and runs a query", async () => {
    const { page, problems } = await openPage(`${base}/graphiql`);
    await page.waitForSelector(".graphiql-container");
    await page.click(".graphiql-execute-button");
    await page.waitForFunction(() => (document.querySelector(".result-window")?.textContent ?? "").includes("microsoft"));
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the home page (/) in headless Chromium", () => {
  it("shows what the graph holds, its sources and tools, and opens an example in GraphiQL, offline", async () => {
    const { page, problems } = await openPage(`${base}/`);
    await page.waitForFunction(() => /\d+ entities, \d+ relations/.test(document.getElementById("totals")?.textContent ?? ""));
    const kinds = await page.$$eval("#kinds tbody tr", (rows) => rows.length);
    const types = await page.$$eval("#types tbody tr", (rows) => rows.length);
    expect(kinds).toBeGreaterThan(3);
    expect(types).toBeGreaterThan(10);
    expect(await page.textContent("#sources")).toMatch(/reference\(s\)/);
    const tools = await page.$$eval("nav a", (links) => links.map((link) => link.getAttribute("href")));
    expect(tools).toEqual(["/explorer", "/graphiql", "/graphql"]);
    // The third example (paths) opens in GraphiQL with its operation and variables, and runs.
    await page.waitForSelector("#examples li");
    const href = await page.$$eval("#examples li .links a", (links) => links.map((link) => link.getAttribute("href")));
    const paths = href.find((link) => link?.includes("Paths")) as string;
    await page.goto(`${base}${paths}`);
    await page.waitForSelector(".graphiql-container");
    await page.click(".graphiql-execute-button");
    await page.waitForFunction(() => (document.querySelector(".result-window")?.textContent ?? "").includes("windsurf"));
    expect(problems).toEqual([]);
    await page.close();
  });
});
