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
 * layout fitted it (moving it just before a click makes Cytoscape's hit test miss). An edge (a
 * relation, or the merged edge of a pair) is clicked at points along its line until the side panel
 * shows it, in case a node covers one.
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
    const shown = await page.waitForSelector(`#details[data-element-id="${id}"]`, { timeout: 1000 }).then(
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
/** What a link must bring back: the nodes, those shown, the selection, the type filters and the dates. */
function viewState(page: Page) {
  return page.evaluate(() => {
    const explorer = (window as any).explorer;
    const ids = (nodes: any) => nodes.map((node: any) => node.id()).sort();
    return {
      nodes: ids(explorer.cy.nodes()) as string[],
      shown: ids(explorer.cy.nodes(":visible")) as string[],
      selected: explorer.state.selected as string | null,
      hiddenTypes: Array.from(explorer.state.hiddenTypes) as string[],
      dates: document.getElementById("date-label")!.textContent,
      competesBox: (document.querySelector('#type-filters input[value="COMPETES_WITH"]') as HTMLInputElement).checked,
    };
  });
}

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

/** Waits until a relation is shown (alone, or counted in its pair's merged edge), or not, as asked. */
async function isShown(page: Page, id: string, expected: boolean): Promise<boolean> {
  const read = () => page.evaluate((relationId) => (window as any).explorer.isShown(relationId) as boolean, id);
  for (let waited = 0; waited < 5000; waited += 100) {
    if ((await read()) === expected) return expected;
    await page.waitForTimeout(100);
  }
  return read();
}

/** Opens the explorer, searches OpenAI, draws it, inspects it and expands it with the panel's button. */
async function openWithOpenAIExpanded(url = `${base}/explorer`): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(url);
  const { page } = opened;
  await page.waitForSelector("body[data-ready=true]");
  await page.fill("#search-input", "OpenAI");
  await page.click("#search-form button[type=submit]");
  await page.click('#search-results button[data-entity-id="openai"]');
  await page.waitForFunction(() => (window as any).explorer.cy.getElementById("openai").nonempty());
  await clickElement(page, "openai");
  await page.waitForSelector('#details[data-element-id="openai"] #expand');
  await page.click("#expand");
  await page.waitForFunction(() => (window as any).explorer.cy.getElementById("microsoft").nonempty());
  return opened;
}

describe("/explorer in headless Chromium", () => {
  it("searches, inspects, expands, replays by date, shows a relation's quote and highlights a shortest path", async () => {
    const { page, problems } = await openPage(`${base}/explorer`);
    await page.waitForSelector("body[data-ready=true]");

    // Search finds OpenAI; choosing it draws it.
    await page.fill("#search-input", "OpenAI");
    await page.click("#search-form button[type=submit]");
    await page.click('#search-results button[data-entity-id="openai"]');
    await page.waitForFunction(() => (window as any).explorer.cy.getElementById("openai").nonempty());

    // Clicking OpenAI inspects it (its panel, with an Expand button) without drawing anything more.
    await clickElement(page, "openai");
    await page.waitForSelector('#details[data-element-id="openai"] #expand');
    expect(await page.evaluate(() => (window as any).explorer.cy.nodes().length)).toBe(1);
    // The count arrives with the panel's own query ("?" until then): wait for it, do not race it.
    await page.waitForFunction(() => /\d+ in the graph/.test(document.querySelector("#details")?.textContent ?? ""));
    // Its events are listed, each openable.
    await page.waitForSelector('#details button[data-event-id="openai-governance-crisis-2023-11"]');
    // Expand draws its neighbours: Microsoft appears.
    await page.click("#expand");
    await page.waitForFunction(() => (window as any).explorer.cy.getElementById("microsoft").nonempty());
    expect(await isVisible(page, "microsoft", true)).toBe(true);
    expect(await isVisible(page, "google-supplies-cloud-to-openai", true)).toBe(true);

    // The relation's facts and quote in the side panel.
    await clickElement(page, "google-supplies-cloud-to-openai");
    await page.waitForSelector("#details blockquote");
    expect(await page.textContent("#details")).toContain("Google Cloud (mai 2025)");
    // The source behind the quote: its title, date, and a link to its text on this server.
    expect(await page.textContent("#details")).toContain("OpenAI et Microsoft");
    expect(await page.textContent("#details")).toContain("2025-06-22");
    expect(await page.getAttribute("#details .reference a", "href")).toBe("/sources/microsoft-openai-timeline-fr/text");

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
    // Microsoft's 2019 investment is one of the Microsoft–OpenAI relations: counted in their merged edge.
    expect(await isShown(page, "microsoft-invests-in-openai-2019-07", true)).toBe(true);
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
    // The first pick is marked before the second is clicked: a missed click fails here, by name.
    const ftcPicked = () => (window as any).explorer.cy.getElementById("ftc").hasClass("path-start");
    await page.waitForFunction(ftcPicked, undefined, { timeout: 5000 }).catch(() => undefined);
    expect(await page.evaluate(ftcPicked)).toBe(true);
    await clickElement(page, "windsurf");
    // Wait for the outcome, whatever it is, so that a failure shows what the status bar said.
    await page.waitForFunction(
      () =>
        /^(Shortest path,|No path)/.test(document.getElementById("status")!.textContent ?? "") ||
        document.getElementById("status")!.className === "error",
    );
    expect(await page.textContent("#status")).toMatch(/^Shortest path, 2 relation\(s\)/);
    const highlighted = await page.evaluate(() =>
      (window as any).explorer.cy
        .$(".path")
        .map((element: any) => element.id())
        .sort(),
    );
    expect(highlighted).toEqual(expect.arrayContaining(["ftc", "windsurf"]));
    expect(highlighted).toHaveLength(5); // three nodes, two relations
    expect(highlighted.some((id: string) => id === "microsoft" || id === "openai")).toBe(true);

    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "explorer.png") });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("builds its type filters and legend from the server's relationTypes", async () => {
    const { page, problems } = await openPage(`${base}/explorer`);
    await page.waitForSelector("body[data-ready=true]");
    const served = await page.evaluate(async () => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ relationTypes { name group { name } } }" }),
      });
      return (await response.json()).data.relationTypes as Array<{ name: string; group: { name: string } }>;
    });
    const boxes = await page.$$eval("#type-filters input", (inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    // Every type the server lists has its box (grouped by family, so in another order), and no other.
    expect([...boxes].sort()).toEqual(served.map((type) => type.name).sort());
    const legend = await page.textContent("#legend");
    for (const group of new Set(served.map((type) => type.group.name))) expect(legend).toContain(group);
    // The legend draws each kind's shape as the graph does.
    expect(await page.getAttribute('#legend [data-kind="REGULATOR"] svg', "data-shape")).toBe("diamond");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("merges the relations of one pair into one edge with their count, which opens to the list", async () => {
    const { page, problems } = await openWithOpenAIExpanded();
    const pair = await page.evaluate(() => {
      const cy = (window as any).explorer.cy;
      const edge = cy.getElementById("pair:microsoft|openai");
      const between = cy
        .edges()
        .filter((e: any) => !e.hasClass("pair") && [e.data("source"), e.data("target")].sort().join("|") === "microsoft|openai");
      return {
        exists: edge.nonempty(),
        visible: edge.nonempty() && edge.visible(),
        count: edge.data("count"),
        label: edge.style("label"),
        between: between.length,
        membersDrawn: between.filter((e: any) => e.visible()).length,
      };
    });
    expect(pair.exists).toBe(true);
    expect(pair.visible).toBe(true);
    expect(pair.count).toBeGreaterThanOrEqual(13);
    expect(pair.count).toBe(pair.between);
    expect(pair.label).toBe(`${pair.count} relations`);
    expect(pair.membersDrawn).toBe(0); // no more overlapping curves
    // A single relation stays as it was.
    expect(await isVisible(page, "google-supplies-cloud-to-openai", true)).toBe(true);

    await clickElement(page, "pair:microsoft|openai");
    const listed = await page.$$eval("#details[data-pair-id] ul.relations button", (buttons) =>
      buttons.map((b) => (b as HTMLElement).dataset.relationId),
    );
    expect(listed).toHaveLength(pair.count);
    expect(listed).toContain("microsoft-invests-in-openai-2019-07");
    await page.click('#details ul.relations button[data-relation-id="microsoft-invests-in-openai-2019-07"]');
    await page.waitForSelector('#details[data-relation-id="microsoft-invests-in-openai-2019-07"] blockquote');
    await page.click("#back-to-pair");
    await page.waitForSelector('#details[data-pair-id="pair:microsoft|openai"]');

    // With the dates narrowed to 2020-06, fewer of the pair's relations are in force: the count follows.
    await page.evaluate(() => (window as any).explorer.setRange({ from: "2020-06", to: "2020-06" }));
    const count2020 = await page.evaluate(() =>
      (window as any).explorer.cy.getElementById("pair:microsoft|openai").data("count"),
    );
    expect(count2020).toBeLessThan(pair.count);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("filters by entity kind and relation status", async () => {
    const { page, problems } = await openWithOpenAIExpanded();
    expect(await isVisible(page, "ftc", true)).toBe(true);
    await page.uncheck('#kind-filters input[value="REGULATOR"]');
    expect(await isVisible(page, "ftc", false)).toBe(false);
    expect(await isVisible(page, "cma", false)).toBe(false);
    expect(await isVisible(page, "microsoft", true)).toBe(true);
    await page.check('#kind-filters input[value="REGULATOR"]');
    expect(await isVisible(page, "ftc", true)).toBe(true);

    // Hide every status but ACTIVE: the active Google Cloud supply stays, no shown relation has another status.
    await page.click("#status-filters >> xpath=..//summary");
    for (const status of ["ANNOUNCED", "COMPLETED", "PLANNED", "PROPOSED", "CONSIDERED", "CONTESTED", "ENDED"]) {
      await page.uncheck(`#status-filters input[value="${status}"]`);
    }
    expect(await isVisible(page, "google-supplies-cloud-to-openai", true)).toBe(true);
    const statuses = await page.evaluate(() => {
      const explorer = (window as any).explorer;
      return [
        ...new Set(
          explorer.cy
            .edges()
            .filter((edge: any) => !edge.hasClass("pair") && explorer.isShown(edge.id()))
            .map((edge: any) => edge.data("status")),
        ),
      ];
    });
    expect(statuses).toEqual(["ACTIVE"]);
    expect(page.url()).toContain("st=ANNOUNCED,COMPLETED");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps the view in the URL: the link reopens the same nodes, filters, dates and selection", async () => {
    const { page, problems } = await openWithOpenAIExpanded();
    await page.uncheck('#type-filters input[value="COMPETES_WITH"]');
    await page.evaluate(() => (window as any).explorer.setRange({ from: "2023-01", to: "2024-12" }));
    await clickElement(page, "microsoft");
    await page.waitForSelector('#details[data-element-id="microsoft"]');
    const before = await viewState(page);
    const url = page.url();
    expect(url).toContain("#");
    expect(url).toContain("s=microsoft");

    const reopened = await openPage(url);
    await reopened.page.waitForSelector("body[data-ready=true]");
    await reopened.page.waitForSelector('#details[data-element-id="microsoft"]');
    const after = await viewState(reopened.page);
    expect(after).toEqual(before);
    expect(after.competesBox).toBe(false);
    expect(before.dates).toBe("2023-01 – 2024-12");
    expect(await reopened.page.evaluate(() => (window as any).explorer.state.expanded.has("openai"))).toBe(true);
    // A hash pasted into the address bar opens its view too; an entity no longer in the graph is left out, and said.
    await reopened.page.evaluate(() => (location.hash = "n=google,no-such-entity,oracle&s=oracle&d=bad"));
    await reopened.page.waitForSelector('#details[data-element-id="oracle"]');
    expect(
      await reopened.page.evaluate(() =>
        (window as any).explorer.cy
          .nodes()
          .map((node: any) => node.id())
          .sort(),
      ),
    ).toEqual(["google", "oracle"]);
    expect(await reopened.page.textContent("#status")).toContain("no longer in the graph: no-such-entity");
    expect(await reopened.page.textContent("#date-label")).toBe("all dates");
    expect(problems).toEqual([]);
    expect(reopened.problems).toEqual([]);
    await reopened.page.close();
    await page.close();
  });

  it("exports the view as PNG, SVG, CSV and JSON", async () => {
    const { page, problems } = await openWithOpenAIExpanded();
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    expect(png.suggestedFilename()).toBe("knowledge-graph.png");
    const bytes = fs.readFileSync((await png.path()) as string);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5000);

    const [svg] = await Promise.all([page.waitForEvent("download"), page.click("#export-svg")]);
    const svgText = fs.readFileSync((await svg.path()) as string, "utf8");
    const parsed = await page.evaluate((text) => {
      const xml = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        errors: xml.getElementsByTagName("parsererror").length,
        texts: Array.from(xml.getElementsByTagName("text")).map((t) => t.textContent),
      };
    }, svgText);
    expect(parsed.errors).toBe(0);
    expect(parsed.texts).toEqual(expect.arrayContaining(["OpenAI", "Microsoft"]));

    const [nodesCsv] = await Promise.all([page.waitForEvent("download"), page.click("#export-nodes-csv")]);
    const nodeLines = fs
      .readFileSync((await nodesCsv.path()) as string, "utf8")
      .trim()
      .split("\r\n");
    expect(nodeLines[0]).toBe("id,label,kind,aliases,description");
    expect(nodeLines.some((line) => line.startsWith("microsoft,Microsoft,COMPANY"))).toBe(true);
    const [edgesCsv] = await Promise.all([page.waitForEvent("download"), page.click("#export-edges-csv")]);
    expect(fs.readFileSync((await edgesCsv.path()) as string, "utf8")).toContain(
      "microsoft-invests-in-openai-2019-07,microsoft,openai,INVESTS_IN",
    );
    const [json] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    const view = JSON.parse(fs.readFileSync((await json.path()) as string, "utf8"));
    const drawn = await page.evaluate(() => (window as any).explorer.cy.nodes(":visible").length);
    expect(view.nodes).toHaveLength(drawn);
    expect(view.edges.map((edge: any) => edge.id)).toContain("microsoft-invests-in-openai-2019-07");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a year histogram and the dated events on the time bar, selects a range and plays", async () => {
    const { page, problems } = await openWithOpenAIExpanded();
    const years = await page.$$eval("#histogram .year", (bars) => bars.map((bar) => (bar as HTMLElement).dataset.year));
    expect(years).toEqual(expect.arrayContaining(["2019", "2023", "2025"]));
    const crisis = await page.waitForSelector('#histogram .event-marker[data-event-id="openai-governance-crisis-2023-11"]');
    expect(await crisis.getAttribute("title")).toBe("2023-11: OpenAI governance crisis");
    expect(await crisis.isVisible()).toBe(true);
    await crisis.click();
    await page.waitForSelector('#details[data-event-id="openai-governance-crisis-2023-11"]');
    expect(await page.textContent("#details")).toContain("Sam Altman");

    // Click 2019, Shift+click 2020: the range is 2019–2020; the May 2025 Google Cloud link is out of it.
    await page.click('#histogram .year[data-year="2019"]');
    await page.click('#histogram .year[data-year="2020"]', { modifiers: ["Shift"] });
    expect(await page.textContent("#date-label")).toBe("2019-01 – 2020-12");
    expect(await isVisible(page, "google-supplies-cloud-to-openai", false)).toBe(false);
    await page.click("#all-dates");
    expect(await isVisible(page, "google-supplies-cloud-to-openai", true)).toBe(true);

    // Play steps through the months; Pause stops it.
    await page.click("#play");
    await page.waitForFunction(() => /^\d{4}-\d{2}$/.test(document.getElementById("date-label")!.textContent ?? ""));
    const first = await page.textContent("#date-label");
    await page.waitForFunction((start) => document.getElementById("date-label")!.textContent !== start, first);
    await page.click("#play");
    expect(await page.getAttribute("#play", "aria-pressed")).toBe("false");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps the analyst's layout: expanding moves no node already drawn; hide, remove and undo", async () => {
    const { page, problems } = await openWithOpenAIExpanded();
    const positions = () =>
      page.evaluate(() => {
        const out: Record<string, { x: number; y: number }> = {};
        (window as any).explorer.cy.nodes().forEach((node: any) => (out[node.id()] = { ...node.position() }));
        return out;
      });
    const before = await positions();
    await page.evaluate(() => (window as any).explorer.expand("microsoft"));
    const after = await positions();
    expect(Object.keys(after).length).toBeGreaterThan(Object.keys(before).length);
    for (const id of Object.keys(before)) expect(after[id]).toEqual(before[id]);

    // Dragging a node pins it: Re-layout moves the others and leaves it where it was put.
    await page.click("#fit");
    await page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
    const grip = await page.evaluate(() => {
      const cy = (window as any).explorer.cy;
      const box = cy.container().getBoundingClientRect();
      const at = cy.getElementById("google").renderedPosition();
      return { x: box.left + at.x, y: box.top + at.y };
    });
    await page.mouse.move(grip.x, grip.y);
    await page.mouse.down();
    await page.mouse.move(grip.x + 30, grip.y + 20, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => (window as any).explorer.cy.getElementById("google").hasClass("pinned"));
    const dragged = (await positions()).google;
    expect(dragged).not.toEqual(after.google);
    await page.click("#relayout");
    const relaid = await positions();
    expect(relaid.google).toEqual(dragged);
    expect(
      Object.keys(relaid).some((id) => id !== "google" && (relaid[id].x !== after[id].x || relaid[id].y !== after[id].y)),
    ).toBe(true);
    // Undo puts the layout back as it was before Re-layout.
    await page.click("#undo");
    expect((await positions()).openai).toEqual(after.openai);

    // Hide Microsoft from its panel, then remove Google; Undo brings Google back, then Microsoft.
    await clickElement(page, "microsoft");
    await page.waitForSelector('#details[data-element-id="microsoft"] #hide-node');
    await page.click("#hide-node");
    expect(await isVisible(page, "microsoft", false)).toBe(false);
    await clickElement(page, "google");
    await page.waitForSelector('#details[data-element-id="google"] #remove-node');
    await page.click("#remove-node");
    await page.waitForFunction(() => (window as any).explorer.cy.getElementById("google").empty());
    await page.click("#undo");
    await page.waitForFunction(() => (window as any).explorer.cy.getElementById("google").nonempty());
    expect((await positions()).google).toEqual(dragged);
    await page.click("#undo");
    expect(await isVisible(page, "microsoft", true)).toBe(true);
    // Two quick clicks on two nodes expand neither (Cytoscape calls that a double tap); a double-click on one expands it.
    await page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
    const [microsoftAt, google] = await page.evaluate(() => {
      const cy = (window as any).explorer.cy;
      const box = cy.container().getBoundingClientRect();
      return ["microsoft", "google"].map((id) => {
        const at = cy.getElementById(id).renderedPosition();
        return { x: box.left + at.x, y: box.top + at.y };
      });
    });
    await page.mouse.click(microsoftAt.x, microsoftAt.y);
    await page.mouse.click(google.x, google.y);
    await page.waitForSelector('#details[data-element-id="google"]');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as any).explorer.state.expanded.has("google"))).toBe(false);
    await page.mouse.dblclick(google.x, google.y);
    await page.waitForFunction(() => (window as any).explorer.state.expanded.has("google"));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("can be driven from the keyboard: type-ahead search, arrows select nodes, Enter expands", async () => {
    const { page, problems } = await openPage(`${base}/explorer`);
    await page.waitForSelector("body[data-ready=true]");
    await page.focus("#search-input");
    await page.keyboard.type("windsurf");
    await page.waitForSelector('#search-results button[data-entity-id="windsurf"]');
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForSelector('#details[data-element-id="windsurf"]');
    await page.focus("#cy");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (window as any).explorer.state.expanded.has("windsurf"));
    await page.keyboard.press("ArrowRight");
    const selected = await page.evaluate(() => (window as any).explorer.state.selected);
    expect(selected).not.toBe("windsurf");
    expect(await page.getAttribute("#details", "data-element-id")).toBe(selected);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("fits a 1024×700 window: toolbar, graph tools, side panel and time bar inside the viewport", async () => {
    const { page, problems } = await openWithOpenAIExpanded();
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForTimeout(200);
    for (const selector of [
      "#topbar",
      "#toolbar",
      "#details",
      "#timebar",
      "#histogram",
      "#date-slider",
      "#status",
      "#export-json",
      "#clear",
    ]) {
      const box = await page.locator(selector).boundingBox();
      expect({ selector, box }).toEqual({ selector, box: expect.anything() });
      expect({ selector, left: box!.x >= 0, top: box!.y >= 0 }).toEqual({ selector, left: true, top: true });
      expect({ selector, right: box!.x + box!.width <= 1024, bottom: box!.y + box!.height <= 700 }).toEqual({
        selector,
        right: true,
        bottom: true,
      });
    }
    expect(await page.evaluate(() => (window as any).explorer.cy.height())).toBeGreaterThan(150);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "explorer-1024x700.png") });
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
