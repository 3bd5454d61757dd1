export * from "./update-settings"
