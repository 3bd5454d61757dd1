// Runs test suites side by side, `SUITE_LANES` at a time (default 2: these machines have two
// cores, and each suite is one jest process booting Medusa on its own throwaway Postgres, so
// two keep both cores busy while one waits on its database). Each suite's output is kept in a
// file and printed whole when it ends, so suites never interleave. Exits 1 if any failed and
// prints their names last.
//
// Usage: node scripts/run-suites.mjs '<json: [{ "name": "…", "cmd": ["node", "…"] }, …]>'
// The list is run longest-first as given: put the slowest suites first.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

const suites = JSON.parse(process.argv[2] ?? "[]")
const lanes = Math.max(1, Number(process.env.SUITE_LANES || 2))
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aftersales-suites-"))
const failed = []
let next = 0

function run(suite) {
  return new Promise((resolve) => {
    const file = path.join(dir, `${suite.name.replace(/[^a-z0-9]+/gi, "-")}.log`)
    const out = fs.openSync(file, "w")
    const began = Date.now()
    const child = spawn(suite.cmd[0], suite.cmd.slice(1), { stdio: ["ignore", out, out], env: process.env })
    child.on("close", (code) => {
      fs.closeSync(out)
      const seconds = Math.round((Date.now() - began) / 1000)
      process.stdout.write(`\n== ${suite.name} (${seconds} s${code === 0 ? "" : `, exit ${code}`})\n`)
      process.stdout.write(fs.readFileSync(file, "utf8"))
      if (code !== 0) failed.push(suite.name)
      resolve()
    })
  })
}

async function lane() {
  while (next < suites.length) {
    await run(suites[next++])
  }
}

await Promise.all(Array.from({ length: Math.min(lanes, suites.length) }, lane))
fs.rmSync(dir, { recursive: true, force: true })
if (failed.length) {
  process.stdout.write(`\nFailed in this group:\n${failed.map((f) => ` - ${f}`).join("\n")}\n`)
  process.exit(1)
}
