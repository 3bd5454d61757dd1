export * from "./create-return-request"
