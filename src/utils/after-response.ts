import { AsyncLocalStorage } from "node:async_hooks"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** The "response sent" signal of the HTTP request the current code runs for, if any. */
const sent = new AsyncLocalStorage<Promise<void>>()

/** Longest a caller waits for a response to go out (a stalled client must not hold work up). */
const MAX_WAIT_MS = 5000

/**
 * Middleware: work that this request starts in the same process (a subscriber of an event the
 * request's workflow released, with Medusa's local event bus) can wait for the response with
 * `afterResponse()`. Everything started inside `next()` inherits the signal.
 */
export function trackResponse(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // `close` fires once the response is written, and also when the client goes away.
  const closed = new Promise<void>((resolve) => res.once("close", () => resolve()))
  sent.run(closed, next)
}

/**
 * Resolves once the response of the request this code runs for has been sent (at most
 * MAX_WAIT_MS later); at once outside such a request (a job, a test, a worker process with the
 * Redis event bus). For background work that should not compete with the shopper's answer.
 */
export async function afterResponse(): Promise<void> {
  const closed = sent.getStore()
  if (!closed) {
    return
  }
  let timer: NodeJS.Timeout | undefined
  const cap = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, MAX_WAIT_MS)
    timer.unref()
  })
  await Promise.race([closed, cap])
  clearTimeout(timer)
}
