export * from "./validate-return-request"
export * from "./create-return-request"
export * from "./link-return-request"
