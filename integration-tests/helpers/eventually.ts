/**
 * Subscribers and scheduled work run after a request answers, so a test polls for their
 * effect instead of sleeping a fixed time.
 */

/** Runs `check` until it stops throwing (e.g. an `expect` inside it passes), then answers it. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10000): Promise<T> {
  const start = Date.now()
  for (;;) {
    try {
      return await check()
    } catch (e) {
      if (Date.now() - start > timeoutMs) {
        throw e
      }
      await new Promise((r) => setTimeout(r, 150))
    }
  }
}

/** Reads until `done(value)` holds or time runs out; answers the last value for the test to assert. */
export async function readUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10000
): Promise<T> {
  const until = Date.now() + timeoutMs
  let value = await read()
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 150))
    value = await read()
  }
  return value
}
