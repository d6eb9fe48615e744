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

const ORDER_FIELDS: Record<string, 'customer_id' | 'timestamp' | 'value' | 'order_id' | 'currency'> = {
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
};

const orderValue = z
  .union([z.number(), z.string().trim().regex(/^[+-]?(?:\d+\.?\d*|\.\d+)$/).transform(Number)], { error: 'invalid value' })
  .pipe(z.number().min(0, 'negative value'));

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
  const currency = v.currency === undefined ? options.baseCurrency : text.parse(v.currency).trim().toUpperCase();
  const rate = options.rates[currency];
  if (rate === undefined) return { ok: false, reason: `no rate for currency ${currency}`, value: v.currency };
  const order: Order = { customerId: text.parse(v.customer_id).trim(), ts, value: parsed.data * rate };
  if (v.order_id !== undefined) order.orderId = text.parse(v.order_id);
  return { ok: true, event: order };
}
