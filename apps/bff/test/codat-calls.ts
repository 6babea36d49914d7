import type { Stack } from './stack.js';

/** How many HTTP calls the BFF has made to Codat so far (every attempt, retries included). */
export function codatCalls(stack: Stack): number {
  return stack.metrics.codatCalls
    .render()
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
