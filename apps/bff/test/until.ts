/** Reads `read` every `everyMs` until `done` holds or `timeoutMs` passes; answers the last value either way. */
export async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, { timeoutMs = 60_000, everyMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
