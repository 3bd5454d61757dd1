import { MedusaService } from "@medusajs/framework/utils"
import { Gesture } from "./models"

/** Gesture records. Issuing, caps and approval live in the gesture workflows. */
export default class GesturesModuleService extends MedusaService({ Gesture }) {}
