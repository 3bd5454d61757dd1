export * from "./steps"
export * from "./workflows"
export { LOYALTY_CREDIT_LINE_REFERENCE } from "./utils"
export * from "./account-view"
