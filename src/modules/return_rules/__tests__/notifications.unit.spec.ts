import { renderNotification } from "../../../notifications/render"

describe("aftersales.returns.request_created", () => {
  const data = {
    order_id: "order_1",
    resolution: "exchange",
    keep_item: false,
    item_count: 2,
    bonus_amount: 2.5,
    currency_code: "try",
  }

  it("confirms the request in English with the bonus", () => {
    const { subject, text, html } = renderNotification("aftersales.returns.request_created", "en", data)
    expect(subject).toEqual("We have received your return request")
    expect(text).toContain("an exchange of 2 item(s) from order order_1")
    expect(text).toContain("2.50 TRY")
    expect(html).toContain("<p>")
  })

  it("confirms the request in Turkish and tells a shopper who keeps the item not to send it", () => {
    const { subject, text } = renderNotification("aftersales.returns.request_created", "tr", {
      ...data,
      resolution: "refund",
      keep_item: true,
      bonus_amount: null,
    })
    expect(subject).toEqual("İade talebinizi aldık")
    expect(text).toContain("para iadesi")
    expect(text).toContain("geri göndermenize gerek yok")
    expect(text).not.toContain("bonus")
  })

  it("does not throw on missing data", () => {
    expect(() => renderNotification("aftersales.returns.request_created", "en", {})).not.toThrow()
  })
})
