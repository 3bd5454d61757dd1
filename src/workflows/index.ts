export * from "./notifications"
export * from "./settings"
export * from "./returns"
export * from "./loyalty"
