import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { stripVTControlCharacters } from 'node:util';

const LINES_PER_ERROR = 12;

/**
 * Says again, after everything else, why each failed attempt failed: the list reporter prints a
 * failure's errors before its dozens of attachments, so the end of a CI log only named the test.
 */
export default class FailureSummary implements Reporter {
  private readonly failures: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped') return;
    const errors = result.errors.map((error) => stripVTControlCharacters(error.message ?? error.value ?? 'unknown error').split('\n').slice(0, LINES_PER_ERROR).join('\n'));
    this.failures.push(`✘ ${test.titlePath().filter(Boolean).join(' › ')} (attempt ${result.retry + 1}, ${result.status})\n${errors.join('\n\n')}`);
  }

  onEnd(): void {
    if (this.failures.length > 0) process.stdout.write(`\nWhy the failed tests failed:\n\n${this.failures.join('\n\n')}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
