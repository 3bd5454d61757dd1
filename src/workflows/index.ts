export * from "./notifications"
export * from "./settings"
export * from "./returns"
