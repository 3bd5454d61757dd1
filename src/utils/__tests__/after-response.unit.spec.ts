import { EventEmitter } from "node:events"
import { AddressInfo } from "node:net"
import express from "express"
import { afterResponse, trackResponse } from "../after-response"

/**
 * A real HTTP server: the route starts background work the way Medusa's local event bus starts
 * a subscriber (an emitter listener called from a promise continuation inside the request),
 * then answers. The log says which came first.
 */
async function serve(withTracking: boolean) {
  const log: string[] = []
  const bus = new EventEmitter()
  let workDone!: () => void
  const done = new Promise<void>((resolve) => (workDone = resolve))
  bus.on("order.placed", async () => {
    await afterResponse()
    log.push("background work")
    workDone()
  })
  const app = express()
  const route = async (_req: express.Request, res: express.Response) => {
    await Promise.resolve().then(() => bus.emit("order.placed"))
    // What Medusa's completion route does after its workflow: more awaited reads, then answer.
    await new Promise((resolve) => setTimeout(resolve, 30))
    res.on("finish", () => log.push("response sent"))
    res.json({ ok: true })
  }
  if (withTracking) {
    app.post("/complete", trackResponse as express.RequestHandler, route)
  } else {
    app.post("/complete", route)
  }
  const server = app.listen(0)
  await new Promise((resolve) => server.once("listening", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/complete`
  return { log, done, url, close: () => new Promise((r) => server.close(r)) }
}

describe("afterResponse", () => {
  it("lets work a tracked request started wait until its response is sent", async () => {
    const s = await serve(true)
    const res = await fetch(s.url, { method: "POST" })
    expect(await res.json()).toEqual({ ok: true })
    await s.done
    expect(s.log).toEqual(["response sent", "background work"])
    await s.close()
  })

  it("does not hold work up outside a tracked request", async () => {
    const s = await serve(false)
    await fetch(s.url, { method: "POST" })
    await s.done
    // Untracked (a job, a worker with the Redis event bus): the work runs at once.
    expect(s.log).toEqual(["background work", "response sent"])
    await s.close()
  })

  it("resolves at once when called outside any request", async () => {
    let resolved = false
    const waiting = afterResponse().then(() => (resolved = true))
    await Promise.resolve()
    await Promise.resolve()
    expect(resolved).toBe(true)
    await waiting
  })
})
