import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Test-only marks and pause points for the production-topology tests
 * (integration-tests/topology). Inert unless AFTERSALES_TEST_CHECKPOINTS is set, which only those
 * tests do, in the processes they start:
 * - every `checkpoint(container, name)` reached is recorded as a row of
 *   `aftersales_test_checkpoint` (a table the test creates in its own database), with the
 *   process id, worker mode and, for a scheduled job, the tick it runs for (each tick of a
 *   schedule is one queued job, created once; a second run of the same tick carries the same
 *   value), committed at once: a test counts job runs and sees where a process is;
 * - when AFTERSALES_TEST_PAUSE_AT names the checkpoint, the process records it and then waits
 *   there for good, so that the test can kill it (`kill -9`) exactly between two named steps.
 */
const enabled = () => Boolean(process.env.AFTERSALES_TEST_CHECKPOINTS)

export async function checkpoint(container: MedusaContainer, name: string, tick?: Date): Promise<void> {
  if (!enabled()) {
    return
  }
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.raw(
    "insert into aftersales_test_checkpoint (name, pid, mode, tick) values (?, ?, ?, ?)",
    [name, process.pid, process.env.MEDUSA_WORKER_MODE ?? "shared", tick ?? null]
  )
  if (process.env.AFTERSALES_TEST_PAUSE_AT === name) {
    await new Promise<never>(() => {
      // held here until the test kills the process
    })
  }
}

/**
 * A job's cron schedule, or the one AFTERSALES_TEST_JOB_SCHEDULE sets when the topology tests
 * run (a schedule of seconds, so that several ticks fit in a test).
 */
export function jobSchedule(schedule: string): string {
  return (enabled() && process.env.AFTERSALES_TEST_JOB_SCHEDULE) || schedule
}
