import type { Conversation } from '../../src/model.js';
import { conversationsOf } from './helpers.js';
import { order } from './money-fixture.js';

export const A = 72 * 3600; // attribution window, seconds

/**
 * all: a (u1, start 0), b (u1, start 1000), c (u2, 0), d (u3, 50, OUT of scope), e (u3, 0),
 *      f1 and f2 (u4, both start 0), h (no customer_id, 0).
 */
export const allConversations: Conversation[] = conversationsOf([
  { c: 'a', t: 0, role: 'customer', customerId: 'u1' },
  { c: 'a', t: 10, role: 'bot' },
  { c: 'b', t: 1000, role: 'customer', customerId: 'u1' },
  { c: 'b', t: 1010, role: 'bot' },
  { c: 'c', t: 0, role: 'customer', customerId: 'u2' },
  { c: 'd', t: 50, role: 'customer', customerId: 'u3' },
  { c: 'e', t: 0, role: 'customer', customerId: 'u3' },
  { c: 'f1', t: 0, role: 'customer', customerId: 'u4' },
  { c: 'f2', t: 0, role: 'customer', customerId: 'u4' },
  { c: 'h', t: 0, role: 'customer' },
]);
export const inScope = allConversations.filter((c) => c.id !== 'd');

/**
 * o1 u1 @500      → latest start ≤ 500 is a (0); 500 ≤ 0 + A → a            (10)
 * o2 u1 @1000 + A → latest is b (1000); exactly start + A → b               (20)
 * o3 u2 @A + 1    → c (0); A + 1 > A → nobody                               (40)
 * o4 u3 @100      → latest is d (50), out of scope → no in-scope credit     (80)
 * o5 u4 @10       → f1 and f2 start together: the larger id f2              (160)
 * o6 u5 @0        → no conversation of u5                                   (320)
 * o7 u1 @600      → a again                                                 (5)
 * o8 u1 @-10      → before every conversation of u1 → nobody                (640)
 * o9 u2 @0        → c starts exactly then (start ≤ order, order ∈ [start, …]) (1280)
 */
export const orders = [
  order('u1', 500, 10),
  order('u1', 1000 + A, 20),
  order('u2', A + 1, 40),
  order('u3', 100, 80),
  order('u4', 10, 160),
  order('u5', 0, 320),
  order('u1', 600, 5),
  order('u1', -10, 640),
  order('u2', 0, 1280),
];
