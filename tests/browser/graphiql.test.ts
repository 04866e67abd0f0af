/// <reference lib="dom" />
/**
 * GraphiQL (/graphiql) offers the server's example operations (src/http/examples.ts) with no
 * request for them: one tab each on a first visit, and an Examples panel in the sidebar that opens
 * any of them, with its variables, in its tab or, once that tab was edited, in a new one.
 */
import type { BrowserContext, Page } from "playwright-core";
import { EXAMPLE_OPERATIONS } from "../../src/http/examples";
import { startHttpTestApp, type HttpTestApp } from "../integration/test-server";
import { launchChromium } from "./browser";

jest.setTimeout(120_000);

let server: HttpTestApp;
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  server = await startHttpTestApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The operation name of each example, as GraphiQL titles its tab. */
const operationNames = EXAMPLE_OPERATIONS.map((example) => /^query (\w+)/.exec(example.query)![1]);

const tabTitles = (page: Page) =>
  page.$$eval(".graphiql-tab .graphiql-tab-button", (tabs) => tabs.map((tab) => (tab.textContent ?? "").trim()));
const activeTab = (page: Page) =>
  page.$eval(".graphiql-tab-active .graphiql-tab-button", (tab) => (tab.textContent ?? "").trim());
const queryText = (page: Page) =>
  page.$eval(".graphiql-query-editor .CodeMirror", (element) => (element as any).CodeMirror.getValue() as string);

/** What the editors and the result pane hold, for a failure's message. */
const editorState = (page: Page) =>
  page.evaluate(() => {
    const editor = (selector: string) => (document.querySelector(selector) as any)?.CodeMirror;
    return {
      query: editor(".graphiql-query-editor .CodeMirror")?.getValue() ?? null,
      operationName: editor(".graphiql-query-editor .CodeMirror")?.operationName ?? null,
      variables: editor(".graphiql-editor-tool .CodeMirror")?.getValue() ?? null,
      result: editor(".result-window .CodeMirror")?.getValue() ?? null,
    };
  });

/**
 * Runs the active tab and waits for `expected` in the result pane. GraphiQL sends the operation
 * name it last parsed from the editor, and parses 100 ms after a change (debounced): a click
 * right after a tab switch sent the previous tab's name, which failed once in a full CI run. So
 * the click waits until GraphiQL has parsed the tab's operation, as a user's would.
 */
async function run(page: Page, expected: string): Promise<void> {
  const operationName = /^query (\w+)/m.exec(await queryText(page))?.[1];
  await page.waitForFunction(
    (name) => (document.querySelector(".graphiql-query-editor .CodeMirror") as any)?.CodeMirror.operationName === name,
    operationName,
  );
  await page.evaluate(() => {
    const result = document.querySelector(".result-window .CodeMirror") as any;
    result?.CodeMirror.setValue("");
  });
  await page.click(".graphiql-execute-button");
  try {
    await page.waitForFunction((text) => (document.querySelector(".result-window")?.textContent ?? "").includes(text), expected);
  } catch (error) {
    throw new Error(
      `No "${expected}" in the result: ${(error as Error).message}; editors: ${JSON.stringify(await editorState(page))}`,
    );
  }
}

it("opens with a tab per example and an Examples panel; a click opens one with its variables, offline", async () => {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  const requested: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== server.base) problems.push(`off-site: ${request.url()}`);
    requested.push(url.pathname);
  });
  await page.goto(`${server.base}/graphiql`);
  await page.waitForSelector(".graphiql-container");

  // First visit: the start query, then one tab per example, in the server's order.
  expect(operationNames.length).toBeGreaterThanOrEqual(2);
  expect(await tabTitles(page)).toEqual(["OpenAINeighbourhood", ...operationNames]);
  expect(await activeTab(page)).toBe("OpenAINeighbourhood");

  // The panel lists every example by title and question.
  await page.click('button[aria-label="Show Examples"]');
  await page.waitForSelector(".kg-example");
  const listed = await page.$$eval(".kg-example", (buttons) => buttons.map((button) => button.textContent ?? ""));
  expect(listed).toEqual(EXAMPLE_OPERATIONS.map((example) => `${example.title}${example.question}`));

  // A click moves to the example's tab; it runs with its variables ("commission europeenne").
  const search = EXAMPLE_OPERATIONS.findIndex((example) => example.query.startsWith("query Search"));
  await page.locator(".kg-example").nth(search).click();
  await page.waitForFunction(
    () => document.querySelector(".graphiql-tab-active .graphiql-tab-button")?.textContent?.trim() === "Search",
  );
  expect(await queryText(page)).toContain(EXAMPLE_OPERATIONS[search].query);
  await run(page, "european-commission");

  // Once its tab is edited, the example opens again, whole, in a new tab.
  await page.evaluate(() => {
    (document.querySelector(".graphiql-query-editor .CodeMirror") as any).CodeMirror.setValue(
      "query Mine { summary { entities } }",
    );
  });
  await page.waitForFunction(
    () => document.querySelector(".graphiql-tab-active .graphiql-tab-button")?.textContent?.trim() === "Mine",
  );
  await page.locator(".kg-example").nth(search).click();
  await page.waitForFunction((count) => document.querySelectorAll(".graphiql-tab").length === count, operationNames.length + 2);
  await page.waitForFunction(
    () => document.querySelector(".graphiql-tab-active .graphiql-tab-button")?.textContent?.trim() === "Search",
  );
  expect(await queryText(page)).toContain(EXAMPLE_OPERATIONS[search].query);
  await run(page, "european-commission");

  // The examples came with the page: nothing fetched them.
  expect(requested).not.toContain("/home/examples.json");
  expect(problems).toEqual([]);
  await page.close();
});

it("a link with ?query= opens on that operation, before the examples", async () => {
  // A new browser profile: no saved tabs.
  const fresh = await launchChromium();
  try {
    const page = await fresh.context.newPage();
    const paths = EXAMPLE_OPERATIONS.find((example) => example.query.startsWith("query Paths"))!;
    const query = new URLSearchParams({ query: paths.query, variables: JSON.stringify(paths.variables) });
    await page.goto(`${server.base}/graphiql?${query.toString()}`);
    await page.waitForSelector(".graphiql-container");
    expect(await tabTitles(page)).toEqual(["Paths", ...operationNames]);
    expect(await activeTab(page)).toBe("Paths");
    expect(await queryText(page)).toBe(paths.query);
    await run(page, "windsurf");
    await page.close();
  } finally {
    await fresh.close();
  }
});
