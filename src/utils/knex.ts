import { Context } from "@medusajs/framework/types"
import { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"

/**
 * The query builder of a module method's context: its transaction when the method runs inside
 * one, the connection pool otherwise. For the few queries a module writes by hand (row locks,
 * sums, bulk updates) where the ORM would load entities it does not need.
 */
export function knexOf(sharedContext: Context): Knex {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager
  return manager.getTransactionContext<Knex.Transaction>() ?? manager.getKnex()
}
