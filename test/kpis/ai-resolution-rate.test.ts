import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { aiResolutionRate } from '../../src/kpis/ai-resolution-rate.js';
import { expectRate } from './assertions.js';
import { contextEndingAt, conversationsOf } from './helpers.js';

describe('ai_resolution_rate', () => {
  const convs = conversationsOf([
    { c: 'confirmed', t: 0, role: 'customer' },
    { c: 'confirmed', t: 1, role: 'bot' },
    { c: 'confirmed', t: 2, kind: 'resolved' },
    { c: 'quiet', t: 0, role: 'customer' },
    { c: 'quiet', t: 1, role: 'bot' },
    { c: 'escalated', t: 0, role: 'bot' },
    { c: 'escalated', t: 1, kind: 'handoff' },
    { c: 'recent', t: 90_000, role: 'customer' },
    { c: 'recent', t: 90_001, role: 'bot' },
  ]);

  it('is (confirmed + assumed) / |B|', () => {
    // The data ends at 90,001: "quiet" ended 90,000 s before (≥ 24 h: assumed), "recent" 0 s before (pending).
    expectRate(computeKpi(aiResolutionRate, convs, contextEndingAt(convs, 90_001)), 2, 4);
  });

  it('is null without bot-engaged conversations', () => {
    expect(computeKpi(aiResolutionRate, [], contextEndingAt([], 0)).reason).toBe('no bot-engaged conversations');
  });
});
