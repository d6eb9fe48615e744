import type { Distribution } from '../report/types.js';
import { distribution } from './results.js';
import type { Kpi } from './types.js';

export const handoffWaitTime: Kpi<Distribution> = {
  id: 'handoff_wait_time',
  title: 'Handoff wait',
  description:
    'Seconds a customer waits for a human once the bot hands over: from the first explicit handoff signal to the first agent message at or after it.',
  unit: 'seconds',
  direction: 'lower',
  requires: [],
  compute(convs) {
    const values: number[] = [];
    for (const c of convs) {
      const signal = c.explicitHandoffAt;
      if (signal === undefined) continue;
      const agent = c.messages.find((m) => m.role === 'agent' && m.ts >= signal);
      if (agent !== undefined) values.push(agent.ts - signal);
    }
    return distribution(values, 'no handoff followed by an agent message');
  },
};
