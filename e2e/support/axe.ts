import { writeFile } from 'node:fs/promises';
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
export async function axeScan(page: Page, testInfo: TestInfo, screen: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as AxeResults;
  });
  const slug = screen.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const path = testInfo.outputPath(`axe-${slug}.json`);
  await writeFile(path, JSON.stringify(results.violations, null, 2));
  await testInfo.attach(`axe-${slug}.json`, { path, contentType: 'application/json' });
  return results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
}

/** Fails (softly, so every screen is still scanned) on serious or critical axe violations. */
export async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  const blocking = await axeScan(page, testInfo, screen);
  expect.soft(blocking.map((v) => v.id), describeViolations(screen, blocking)).toEqual([]);
}
