const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/demo/"],
  // Without roots jest crawls demo/ and reports a haste collision on its package.json.
  roots: ["<rootDir>/src", "<rootDir>/integration-tests"],
  setupFiles: ["./integration-tests/setup.js"],
}

const type = process.env.TEST_TYPE
if (type === "integration:http") {
  module.exports.testMatch = ["**/integration-tests/http/**/*.spec.[jt]s"]
} else if (type === "integration:topology") {
  // The HTTP suites once more, and the topology's own, against an API server on the Redis
  // modules with a separate worker process: integration-tests/topology/test-runner.ts stands in
  // for @medusajs/test-utils (see there).
  module.exports.testMatch = [
    "**/integration-tests/http/**/*.spec.[jt]s",
    "**/integration-tests/topology/**/*.spec.[jt]s",
  ]
  module.exports.moduleNameMapper = {
    "^@medusajs/test-utils$": "<rootDir>/integration-tests/topology/test-runner.ts",
  }
  // Spec files that observe something only the process running it can see, so they stay in
  // the in-memory run (npm run test:http) and never run here:
  module.exports.testPathIgnorePatterns = [
    "/node_modules/",
    // It subscribes to return_request.created on the test process's event bus; here that
    // process is an API server, which consumes no events.
    "/integration-tests/http/returns/store/return-request-events\\.spec\\.ts$",
  ]
} else if (type === "integration:modules") {
  module.exports.testMatch = ["**/src/modules/*/__tests__/**/*.spec.[jt]s"]
  module.exports.testPathIgnorePatterns = ["\\.unit\\.spec\\.[jt]s$"]
} else if (type === "browser") {
  module.exports.testMatch = ["**/integration-tests/browser/**/*.spec.[jt]s"]
} else if (type === "unit") {
  module.exports.testMatch = ["**/src/**/__tests__/**/*.unit.spec.[jt]s"]
}
