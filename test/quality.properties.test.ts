import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConversation } from '../src/conversations/assemble.js';
import { cohensKappa } from '../src/kpis/judge-agreement.js';
import type { Conversation, Event } from '../src/model.js';
import { gapGroups } from '../src/report/gaps.js';
import { questionKey } from '../src/text/flags.js';

const T0 = Date.parse('2025-01-06T00:00:00Z');

const row = fc.record({
  gap: fc.integer({ min: 0, max: 120 }),
  kind: fc.constantFrom<Event['kind']>('message', 'message', 'message', 'message', 'handoff'),
  role: fc.constantFrom<NonNullable<Event['role']>>('customer', 'customer', 'bot', 'bot', 'agent', 'system'),
  text: fc.constantFrom('Where is order 123?', 'WHERE IS ORDER #9', 'thanks', 'refund?', 'Hilfe bitte', '', '??'),
  fallback: fc.constantFrom(true, false, undefined),
  answerCorrect: fc.constantFrom(true, false, undefined),
  judgeCorrect: fc.constantFrom(true, false, undefined),
  customer: fc.constantFrom('k1', 'k2', undefined),
  intent: fc.constantFrom('billing', 'orders', undefined),
});

const conversations = fc.array(fc.array(row, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }).map((convs) =>
  convs.flatMap((rows, i): Conversation[] => {
    let t = T0 + i * 3_600_000;
    const events = rows.map((r, seq): Event => {
      t += r.gap * 1000;
      const e: Event = { conversationId: `c${i}`, ts: t, seq, kind: r.kind, customerId: r.customer, intent: r.intent };
      if (r.kind === 'message') Object.assign(e, { role: r.role, fallback: r.fallback, answerCorrect: r.answerCorrect, judgeCorrect: r.judgeCorrect });
      if (r.text !== '') e.text = r.text;
      return e;
    });
    const c = buildConversation(`c${i}`, events, { keepQuestions: true });
    return c === undefined ? [] : [c];
  }),
);

describe('answer-quality invariants', () => {
  it('gaps: groups and textless gaps add up to the gap count, which never exceeds the customer messages', () => {
    fc.assert(
      fc.property(conversations, (convs) => {
        const r = gapGroups(convs);
        const grouped = r.groups.reduce((s, g) => s + g.messages, 0);
        expect(grouped + r.withoutText).toBe(r.gaps.numerator);
        expect(r.reasons.fallback + r.reasons.handoff + r.reasons.no_reply).toBe(r.gaps.numerator);
        expect(r.gaps.numerator).toBeLessThanOrEqual(r.questions);
        for (const g of r.groups) {
          expect(g.customers).toBeLessThanOrEqual(g.conversations);
          expect(g.conversations).toBeLessThanOrEqual(g.messages);
          expect(g.examples.length).toBeLessThanOrEqual(3);
        }
        // Only gaps keep their text after assembly.
        for (const c of convs) for (const m of c.messages) if (m.gapText !== undefined) expect(m.role).toBe('customer');
      }),
    );
  });

  it('review counts: correct ≤ reviewed ≤ bot messages, and the judge table within the reviewed', () => {
    fc.assert(
      fc.property(conversations, (convs) => {
        for (const c of convs) {
          const q = c.quality;
          expect(q.correct).toBeLessThanOrEqual(q.reviewed);
          expect(q.reviewed).toBeLessThanOrEqual(c.counts.bot);
          expect(q.judgedTT + q.judgedTF + q.judgedFT + q.judgedFF).toBeLessThanOrEqual(q.reviewed);
          expect(q.judgedTT + q.judgedTF).toBeLessThanOrEqual(q.correct);
          if (q.fallbackLoop) expect(c.counts.bot).toBeGreaterThanOrEqual(2);
        }
      }),
    );
  });

  it("Cohen's kappa lies in [−1, 1] with a non-negative standard error", () => {
    const cell = fc.integer({ min: 0, max: 50 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const k = cohensKappa(a, b, c, d);
        if (k === null) return;
        expect(k.kappa).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(k.kappa).toBeLessThanOrEqual(1 + 1e-12);
        expect(k.se).toBeGreaterThanOrEqual(0);
        // Swapping the reviewers changes nothing.
        expect(cohensKappa(a, c, b, d)?.kappa).toBeCloseTo(k.kappa, 12);
      }),
    );
  });

  it('question keys ignore case and which digits an order number has', () => {
    const words = fc.array(fc.constantFrom('where', 'IS', 'my', 'Order', 'refund', 'ÉTÉ', 'straße'), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(words, fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99999 }), (ws, n1, n2) => {
        const text = `${ws.join(' ')} #${n1}?`;
        const key = questionKey(text, 'en');
        expect(questionKey(text.toUpperCase(), 'en')).toBe(questionKey(text.toLowerCase(), 'en'));
        expect(questionKey(`${ws.join(' ')} #${n2}?`, 'en')).toBe(key);
        expect(key).not.toMatch(/\d|\s{2}|^\s|\s$/);
      }),
    );
  });
});
