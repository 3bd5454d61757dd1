/** An admin user as the support pages name them: first and last name, else the e-mail. */
export type SupportAgent = {
  id: string
  email: string
  first_name?: string | null
  last_name?: string | null
}

export function agentName(agent: SupportAgent | undefined): string | null {
  if (!agent) return null
  return [agent.first_name, agent.last_name].filter(Boolean).join(" ") || agent.email
}
