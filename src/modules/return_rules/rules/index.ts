export * from "./types"
export * from "./window"
export * from "./money"
export * from "./evaluate"
