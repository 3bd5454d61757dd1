export * from "./notifications"
export * from "./settings"
