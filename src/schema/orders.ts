import { z } from 'zod';
import { fieldKey } from './fields.js';
import { text } from './codecs.js';
import { parseTimestamp } from './timestamp.js';

/** An order, its value converted to the base currency. */
export interface Order {
  customerId: string;
  ts: number;
  value: number;
  orderId?: string;
}

export interface OrderOptions {
  tz: string;
  baseCurrency: string;
  /** Upper-case code → units of base currency per unit. */
  rates: Readonly<Record<string, number>>;
}

export type OrderResult = { ok: true; event: Order } | { ok: false; reason: string; value?: unknown };

/** Without a prototype: a column named `constructor` is no field. */
const ORDER_FIELDS: Record<string, 'customer_id' | 'timestamp' | 'value' | 'order_id' | 'currency'> = Object.assign(Object.create(null) as Record<string, never>, {
  customer_id: 'customer_id',
  customer: 'customer_id',
  user_id: 'customer_id',
  timestamp: 'timestamp',
  ordered_at: 'timestamp',
  created_at: 'timestamp',
  time: 'timestamp',
  value: 'value',
  amount: 'value',
  total: 'value',
  order_id: 'order_id',
  id: 'order_id',
  currency: 'currency',
});

const orderValue = z
  .union([z.number(), z.string().trim().regex(/^[+-]?(?:\d+\.?\d*|\.\d+)$/).transform(Number)], { error: 'invalid value' })
  .refine((n) => Number.isFinite(n), 'invalid value')
  .pipe(z.number().min(0, 'negative value'));

/** A string, number or boolean as text; undefined for objects, arrays and unsafe integers. */
function scalarText(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) return undefined;
  const r = text.safeParse(v);
  return r.success ? r.data : undefined;
}

const absent = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Orders (`--orders`): customer_id, timestamp, value, optional order_id and currency. Field names
 * are matched like transcript fields; canonical names win over the aliases above.
 */
export function normaliseOrder(raw: Record<string, unknown>, options: OrderOptions): OrderResult {
  const v: Partial<Record<string, unknown>> = {};
  for (const key in raw) {
    const k = fieldKey(key);
    const field = ORDER_FIELDS[k];
    if (field === undefined || (v[field] !== undefined && k !== field)) continue;
    if (!absent(raw[key])) v[field] = raw[key];
  }
  if (v.customer_id === undefined) return { ok: false, reason: 'missing customer_id' };
  if (v.timestamp === undefined) return { ok: false, reason: 'missing timestamp' };
  const ts = parseTimestamp(v.timestamp, options.tz);
  if (Number.isNaN(ts)) return { ok: false, reason: 'invalid timestamp', value: v.timestamp };
  if (v.value === undefined) return { ok: false, reason: 'missing value' };
  const parsed = orderValue.safeParse(v.value);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid value', value: v.value };
  const customerId = scalarText(v.customer_id);
  if (customerId === undefined) return { ok: false, reason: 'invalid customer_id', value: v.customer_id };
  const currencyText = v.currency === undefined ? options.baseCurrency : scalarText(v.currency);
  if (currencyText === undefined) return { ok: false, reason: 'invalid currency', value: v.currency };
  const currency = currencyText.trim().toUpperCase();
  const rate = Object.hasOwn(options.rates, currency) ? options.rates[currency] : undefined;
  if (rate === undefined) return { ok: false, reason: `no rate for currency ${currency}`, value: v.currency };
  const order: Order = { customerId: customerId.trim(), ts, value: parsed.data * rate };
  if (v.order_id !== undefined) {
    const id = scalarText(v.order_id);
    if (id === undefined) return { ok: false, reason: 'invalid order_id', value: v.order_id };
    order.orderId = id;
  }
  return { ok: true, event: order };
}
