import fc from 'fast-check';
import type { CostModel } from '../../src/kpis/types.js';
import type { Rating, Role } from '../../src/model.js';
import type { Row } from './helpers.js';
import { order } from './money-fixture.js';

// ---------------------------------------------------------------------------------------------
// Generators: small sets of arbitrary rows over a few conversations and customers, with distinct
// timestamps (so time order is total and shuffling the input cannot change it).

const ROLES: Role[] = ['customer', 'customer', 'bot', 'bot', 'agent', 'system'];
const rating: fc.Arbitrary<Rating> = fc.oneof(
  fc.integer({ min: 2, max: 10 }).map((v): Rating => ({ kind: 'numeric', value: v / 2 })),
  fc.boolean().map((up): Rating => ({ kind: 'thumb', up })),
);

const rowWithoutTime = fc.record(
  {
    c: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    kind: fc.constantFrom('message', 'message', 'message', 'message', 'handoff', 'resolved', 'csat', 'close'),
    role: fc.constantFrom(...ROLES),
    customerId: fc.constantFrom('u1', 'u2', 'u3'),
    handoff: fc.boolean(),
    resolved: fc.boolean(),
    csat: rating,
    fallback: fc.boolean(),
    intent: fc.constantFrom('billing', 'Billing', 'shipping', 'FALLBACK', 'none'),
    intentConfidence: fc.integer({ min: 0, max: 10 }).map((v) => v / 10),
    expectedIntent: fc.constantFrom('billing', 'shipping', 'refund'),
    sentiment: fc.integer({ min: -20, max: 20 }).map((v) => v / 20),
    cost: fc.integer({ min: 0, max: 100 }).map((v) => v / 100),
  },
  { requiredKeys: ['c', 'kind', 'role'] },
);

export const DAY = 86_400;

/** Rows with distinct times (seconds, spanning ~3 weeks so FCR and attribution windows matter) and a shuffled copy. */
export const scenario = fc
  .array(rowWithoutTime, { maxLength: 30 })
  .chain((rows) =>
    fc.tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: 21 * DAY }), { minLength: rows.length, maxLength: rows.length }),
      fc.shuffledSubarray(
        rows.map((_, i) => i),
        { minLength: rows.length, maxLength: rows.length },
      ),
      fc.array(
        fc.record({
          customer: fc.constantFrom('u1', 'u2', 'u3'),
          t: fc.integer({ min: -DAY, max: 22 * DAY }),
          value: fc.integer({ min: 0, max: 1000 }),
        }),
        { maxLength: 5 },
      ),
      fc.option(fc.integer({ min: 1, max: 10 }).map((v) => v / 10), { nil: undefined }),
      fc.option(
        fc.record(
          {
            botPerConversation: fc.integer({ min: 0, max: 3 }),
            botPerResolution: fc.integer({ min: 0, max: 3 }),
            humanPerConversation: fc.integer({ min: 0, max: 20 }),
            agentHourlyRate: fc.integer({ min: 0, max: 60 }),
            margin: fc.constantFrom(0.5, 1),
          },
          { requiredKeys: ['margin'] },
        ),
        { nil: undefined },
      ),
    ).map(([times, order_, orderRows, threshold, cost]) => {
      const timed: Row[] = rows.map((r, i) => ({ ...r, t: times[i] as number }));
      return {
        rows: timed,
        shuffled: order_.map((i) => timed[i] as Row),
        orders: orderRows.map((o) => order(o.customer, o.t, o.value)),
        threshold,
        cost: cost as CostModel | undefined,
      };
    }),
  );

