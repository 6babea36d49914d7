import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, type Page, type TestInfo } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core');

/** The parts of an axe-core result this helper reads. */
interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
interface AxeResults {
  violations: AxeViolation[];
}

const BLOCKING = new Set(['serious', 'critical']);
const isSerious = (violation: AxeViolation) => BLOCKING.has(violation.impact ?? '');

/** One line per node, enough to find it: rule, impact, selector, the start of its HTML. */
export function describeViolations(screen: string, violations: AxeViolation[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `[${screen}] ${violation.id} (${violation.impact}): ${violation.help}\n    at ${JSON.stringify(node.target)}\n    ${node.html.slice(0, 200)}`,
      ),
    )
    .join('\n');
}

/**
 * Runs axe-core (injected from node_modules: no network) on the page as it is now, attaches the
 * full result to the test, and returns the serious and critical violations.
 */
export async function axeScan(page: Page, testInfo: TestInfo, screen: string, blocking: (violation: AxeViolation) => boolean = isSerious): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol, not a <script> tag: the console's CSP refuses inline scripts, as it should.
  if (!loaded) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    // Colour contrast named so no one mistakes it for off: axe checks it against WCAG AA.
    return (await axe.run(document, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: true } } })) as AxeResults;
  });
  const slug = screen.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const path = testInfo.outputPath(`axe-${slug}.json`);
  await writeFile(path, JSON.stringify(results.violations, null, 2));
  await testInfo.attach(`axe-${slug}.json`, { path, contentType: 'application/json' });
  return results.violations.filter(blocking);
}

/** Fails (softly, so every screen is still scanned) on serious or critical axe violations. */
export async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  const blocking = await axeScan(page, testInfo, screen);
  expect.soft(blocking.map((v) => v.id), describeViolations(screen, blocking)).toEqual([]);
}

/** Fails (softly) on any axe violation at all, minor ones included. */
export async function expectNoA11yViolations(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  const found = await axeScan(page, testInfo, screen, () => true);
  expect.soft(found.map((v) => v.id), describeViolations(screen, found)).toEqual([]);
}
