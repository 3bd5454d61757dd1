export { DelayIncident } from "./delay-incident"
export { DelayWatch } from "./delay-watch"
