// Reads the V8 CPU profiles (`--cpu-prof`) a process wrote into a folder and answers where its
// time went: self time by package (a node_modules package, the plugin's own code, Node itself)
// and the functions with the most self time. `npm run bench:cluster` with BENCH_PROFILE=1
// profiles each store's worker and prints this for both, so the plugin's `order.placed` work
// can be compared with what stock Medusa's worker does for the same checkouts.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

// The demo loads the plugin through its workspace link, which Node resolves to this checkout.
const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/**
 * What a profile node's code belongs to: a package name, "plugin" (this checkout's own code,
 * the demo app's few files among it), "node", or "(native)" (V8: GC, buffers, syscalls).
 */
function ownerOf(url) {
  if (!url) return "(native)"
  if (url.startsWith("node:")) return "node"
  const at = url.lastIndexOf("/node_modules/")
  if (at >= 0) {
    const rest = url.slice(at + "/node_modules/".length).split("/")
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  const file = url.startsWith("file://") ? fileURLToPath(url) : url
  return file.startsWith(`${checkout}/`) ? "plugin" : "(other)"
}

/** Self time in ms by owner and by function, summed over every profile in `dir`. */
export function summarizeProfiles(dir) {
  const byOwner = new Map()
  const byFunction = new Map()
  let total = 0
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")) : []
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"))
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000
      const frame = nodes.get(id)?.callFrame ?? {}
      if (frame.functionName === "(idle)" || frame.functionName === "(program)") return
      total += ms
      const owner = ownerOf(frame.url)
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms)
      const name = `${frame.functionName || "(anonymous)"} ${owner === "plugin" ? path.basename(frame.url) : owner}`
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
    })
  }
  const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
  return { files: files.length, total_ms: total, owners: top(byOwner, 15), functions: top(byFunction, 20) }
}

/** The summary as lines of text, figures per checkout when `checkouts` is given. */
export function formatSummary(title, summary, checkouts) {
  const per = (ms) => (checkouts ? `${(ms / checkouts).toFixed(1)} ms/checkout` : `${ms.toFixed(0)} ms`)
  return [
    `${title}: ${summary.files} profile(s), busy ${per(summary.total_ms)}`,
    "  by package (self time):",
    ...summary.owners.map(([o, ms]) => `    ${per(ms).padStart(20)}  ${o}`),
    "  by function (self time):",
    ...summary.functions.map(([f, ms]) => `    ${per(ms).padStart(20)}  ${f}`),
  ]
}
