export * from "./steps"
export * from "./recipients"
