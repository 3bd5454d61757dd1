/** The response of a request expected to fail (fails the test if it succeeds). */
export const errorOf = (p: Promise<unknown>) =>
  p.then(
    (r) => {
      throw new Error(`expected an error, got ${JSON.stringify((r as any)?.data)}`)
    },
    (e: any) => e.response
  )

/** A shopper's ticket about a damaged item of `orderId`. */
export async function openDamagedTicket(api: any, shopperHeaders: Record<string, string>, orderId: string) {
  const { data } = await api.post(
    "/store/support-tickets",
    { category: "damaged", subject: "Broken", body: "It arrived broken", order_id: orderId },
    { headers: shopperHeaders }
  )
  return data.ticket
}

/**
 * A gesture above the approval threshold (the `damaged` policy's threshold lowered to 5 eur by
 * `adminHeaders`), asked for by `requesterHeaders` resolving a new ticket: it waits for approval.
 */
export async function pendingGesture(
  api: any,
  {
    adminHeaders,
    requesterHeaders,
    shopperHeaders,
    orderId,
  }: {
    adminHeaders: Record<string, string>
    requesterHeaders: Record<string, string>
    shopperHeaders: Record<string, string>
    orderId: string
  }
) {
  const { data } = await api.get("/admin/aftersales/settings", { headers: adminHeaders })
  const policies = data.settings.gestures.policies.map((p: any) =>
    p.category === "damaged" ? { ...p, approval_above: { eur: 5 } } : p
  )
  await api.post("/admin/aftersales/settings", { gestures: { policies } }, { headers: adminHeaders })
  const ticket = await openDamagedTicket(api, shopperHeaders, orderId)
  const resolved = await api.post(
    `/admin/support-tickets/${ticket.id}/resolve`,
    { outcome: "refund partly", gesture: "policy" },
    { headers: requesterHeaders }
  )
  const { gestures } = (await api.get(`/admin/gestures?ticket_id=${ticket.id}`, { headers: adminHeaders })).data
  expect(gestures[0]).toEqual(
    expect.objectContaining({ id: resolved.data.gesture_id, status: "pending_approval" })
  )
  return gestures[0]
}

/** A secret API key the admin creates, and the `Authorization: Basic …` header that uses it. */
export async function createSecretKey(api: any, adminHeaders: Record<string, string>) {
  const {
    data: { api_key: key },
  } = await api.post("/admin/api-keys", { title: "my own key", type: "secret" }, { headers: adminHeaders })
  return {
    id: key.id as string,
    headers: { authorization: `Basic ${Buffer.from(`${key.token}:`).toString("base64")}` },
  }
}
