import { pointsForExchange, pointsForReturnedLines } from "../earning"

describe("take-back arithmetic", () => {
  // Two shirts earned on 95 EUR (5% paid with points), a mug on 19 EUR; 1 point per EUR.
  const lines = { shirts: { quantity: 2, amount: 95 }, mug: { quantity: 1, amount: 19 } }

  it("a return takes back the returned quantity's share of each line at the stored rate", () => {
    expect(pointsForReturnedLines(lines, [{ item_id: "shirts", quantity: 1 }], 1, 1)).toEqual(47)
    expect(pointsForReturnedLines(lines, [{ item_id: "shirts", quantity: 1 }], 2, 1.5)).toEqual(142)
    // Never more than the line: a quantity above what was bought counts as the whole line.
    expect(pointsForReturnedLines(lines, [{ item_id: "shirts", quantity: 5 }], 1, 1)).toEqual(95)
    expect(pointsForReturnedLines(lines, [{ item_id: "unknown", quantity: 1 }], 1, 1)).toEqual(0)
  })

  it("an exchange takes back only the price drop", () => {
    const shirt = [{ item_id: "shirts", quantity: 1 }]
    expect(pointsForExchange(lines, shirt, 47.5, 1, 1)).toEqual(0)
    expect(pointsForExchange(lines, shirt, 60, 1, 1)).toEqual(0)
    expect(pointsForExchange(lines, shirt, 20, 1, 1)).toEqual(27)
    expect(pointsForExchange(lines, shirt, 0, 1, 1)).toEqual(47)
  })
})
