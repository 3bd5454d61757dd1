import { MedusaService } from "@medusajs/framework/utils"
import { ReturnRequest } from "./models"

/**
 * Return requests: the plugin's record of what a shopper asked and which Medusa exchange or
 * return answered it. The rules are pure functions in `./rules`; the flows live in
 * `src/workflows/returns`.
 */
export default class ReturnRulesModuleService extends MedusaService({ ReturnRequest }) {}
