export { ReturnRequest } from "./return-request"
