import type { KpiContext } from './types.js';

/** Reason cost KPIs cannot be computed: no row had a cost and no cost model is configured. */
export function costApplicable(ctx: KpiContext): string | undefined {
  return ctx.fields.has('cost') || ctx.options.cost !== undefined ? undefined : 'needs field cost or a cost model';
}

export function ordersApplicable(ctx: KpiContext): string | undefined {
  return ctx.orders === undefined ? 'needs orders (--orders FILE)' : undefined;
}
