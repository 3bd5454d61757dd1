import medusa from "@medusajs/eslint-plugin"

export default [
  { ignores: ["demo/**", "scripts/**", "bench/**", ".tmp/**"] },
  ...medusa.configs.recommended,
]
