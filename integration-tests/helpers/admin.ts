import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Password of every user and customer the helpers create. */
export const TEST_PASSWORD = "supersecret-123"

/**
 * Creates an admin user with an email/password identity the way `medusa user` does, then logs
 * in through `POST /auth/user/emailpass` as the admin dashboard would. Answers the headers.
 */
export async function createAdminUser(
  container: MedusaContainer,
  api: any,
  email = `admin-${Math.random().toString(36).slice(2, 8)}@example.com`
): Promise<{ headers: Record<string, string>; userId: string; email: string }> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email })
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email, password: TEST_PASSWORD },
  } as any)
  if (error || !authIdentity) {
    throw new Error(`could not register admin ${email}: ${error}`)
  }
  await authModule.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: user.id },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password: TEST_PASSWORD })
  return { headers: { authorization: `Bearer ${data.token}` }, userId: user.id, email }
}
