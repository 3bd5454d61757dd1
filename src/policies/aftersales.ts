import { definePolicies, toPascalCase } from "@medusajs/framework/utils"
import {
  AFTERSALES_PERMISSION_DESCRIPTIONS,
  AftersalesPermissionName,
  AftersalesPermissions,
} from "../types/permissions"

/**
 * Registers the plugin's permissions with Medusa's RBAC module (synced to the database at
 * start, when the `rbac` feature flag is on), named like core's: `UpdateAftersalesSettings`.
 */
export const aftersalesPolicies = definePolicies(
  (Object.keys(AftersalesPermissions) as AftersalesPermissionName[]).map((key) => {
    const { resource, operation } = AftersalesPermissions[key]
    return {
      name: `${toPascalCase(operation)}${toPascalCase(resource)}`,
      resource,
      operation,
      description: AFTERSALES_PERMISSION_DESCRIPTIONS[key],
    }
  })
)
