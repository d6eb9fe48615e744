import { OrderedSum } from './define.js';
import type { ConversationFacts } from './facts.js';

/** Bot and human cost of the conversations folded so far (see ConversationFacts.costAddends), and how many. */
export interface CostState {
  bot: OrderedSum;
  human: OrderedSum;
  conversations: number;
}

export const initCosts = (): CostState => ({ bot: new OrderedSum(), human: new OrderedSum(), conversations: 0 });

export function addCosts(s: CostState, f: ConversationFacts): void {
  const { bot, human } = f.costAddends();
  for (const x of bot) s.bot.add(f.c, x);
  for (const x of human) s.human.add(f.c, x);
  s.conversations++;
}

export function mergeCosts(into: CostState, other: CostState): void {
  into.bot.merge(other.bot);
  into.human.merge(other.human);
  into.conversations += other.conversations;
}
