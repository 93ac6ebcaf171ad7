// The endpoint documentation's example customer and request, and bodies derived from them.

export const exampleCustomer = {
  id: "cust_r8s9t0u1",
  name: "SolarDach GmbH",
  status: "active",
  balance_group: { eic: "11YSOLARDACH--A", tso: "DE_AMPRION" },
  metadata: { customer_number: "KD-2026-0815", cost_center: "CC-4200", region: "NRW" },
  assigned_at: "2026-01-10T09:00:00Z",
  created_at: "2026-01-10T09:00:00Z",
  activated_at: "2026-01-10T11:30:00Z",
};

export const examplePatch = { status: "pending", metadata: { customer_number: "KD-2026-0815", cost_center: "CC-4200" } };

/** A valid body that sets `count` metadata keys. */
export function metadataPatch(count) {
  const metadata = {};
  for (let index = 0; index < count; index += 1) {
    metadata[`key_${String(index).padStart(5, "0")}`] = `value ${index}`;
  }
  return { metadata };
}

/** A body with five errors: read-only id, unknown field, bad status, bad TSO, number value. */
export const invalidPatch = {
  id: "cust_other",
  stauts: "active",
  status: "approved",
  balance_group: { eic: "10YDE-RWENET---I", tso: "DE_NOWHERE" },
  metadata: { region: 7 },
};
