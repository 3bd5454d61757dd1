export { Gesture } from "./gesture"
