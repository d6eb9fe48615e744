import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { resolveSettings } from '../../src/config/settings.js';
import { configSchema } from '../../src/config/schema.js';
import { STARTER_CONFIG } from '../../src/cli/init.js';

const parse = (config: unknown) => parseConfig(JSON.stringify(config), 'botkpi.config.json');
const errorOf = (config: unknown): string => {
  try {
    resolveSettings({}, parse(config));
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a config error');
};

describe('business_hours, sla, outcomes and episodes in the config', () => {
  it('names the key and the problem, with array positions in brackets', () => {
    expect(errorOf({ business_hours: { timezone: 'Europe/Berlin', week: { mon: ['09:00-12:00', '9-18'] } } })).toBe(
      'botkpi.config.json: business_hours.week.mon[1]: "9-18" is not HH:MM-HH:MM',
    );
    expect(errorOf({ business_hours: { timezone: 'Europe/Berlin', week: { tue: ['18:00-09:00'] } } })).toBe(
      'botkpi.config.json: business_hours.week.tue[0]: "18:00-09:00" does not end after it starts',
    );
    expect(errorOf({ business_hours: { timezone: 'Europe/Berlin', week: { tue: ['09:00-24:30'] } } })).toBe(
      'botkpi.config.json: business_hours.week.tue[0]: "09:00-24:30" has a time that is not HH:MM from 00:00 to 24:00',
    );
    expect(errorOf({ business_hours: { timezone: 'Europe/Berln' } })).toBe(
      'botkpi.config.json: business_hours.timezone: unknown time zone "Europe/Berln" (use an IANA name like Europe/Berlin)',
    );
    expect(errorOf({ business_hours: { timezone: 'UTC', holidays: ['2025-02-30'] } })).toBe(
      'botkpi.config.json: business_hours.holidays[0]: "2025-02-30" is not a date YYYY-MM-DD',
    );
    expect(errorOf({ business_hours: { timezone: 'UTC', week: { monday: [] } } })).toBe(
      'botkpi.config.json: business_hours.week: unknown key monday',
    );
    expect(errorOf({ business_hours: { timezone: 'UTC', markets: { JP: { week: {} } } } })).toMatch(/^botkpi\.config\.json: business_hours\.markets\.JP\.timezone: /);
    expect(errorOf({ business_hours: { timezone: 'UTC', markets: { JP: { timezone: 'Asia/Tokyo' }, jp: { timezone: 'Asia/Tokyo' } } } })).toBe(
      'botkpi.config.json: business_hours.markets: "JP" and "jp" name the same market',
    );
    expect(errorOf({ sla: { first_response: '30' } })).toBe(
      'botkpi.config.json: sla.first_response: "30" is not a duration (a number and a unit s, m, h or d, like 30s, 5m, 1.5h or 2d)',
    );
    expect(errorOf({ sla: { business_hours: true } })).toBe(
      'botkpi.config.json: sla.business_hours: true needs a business_hours schedule in the config',
    );
    expect(errorOf({ outcomes: { silence: '1w' } })).toMatch(/^botkpi\.config\.json: outcomes\.silence: "1w" is not a duration/);
  });

  it('resolves targets, the silence (default 24 h), the split and the schedules', () => {
    const s = resolveSettings(
      { sla: ['resolution=1.5h', 'first_response=45s'], splitAfter: '30m' },
      parse({
        business_hours: { timezone: 'Europe/Berlin', week: { mon: ['09:00-18:00'] }, markets: { jp: { timezone: 'Asia/Tokyo', week: { mon: ['09:00-18:00'] } } } },
        sla: { first_response: '30s', handoff_wait: '5m', business_hours: true },
        episodes: { split_after: '2h' },
      }),
    );
    expect(s.sla).toEqual({ firstResponseMs: 45_000, handoffWaitMs: 300_000, resolutionMs: 5_400_000, businessHours: true });
    expect(s.outcomeSilenceMs).toBe(86_400_000);
    expect(s.splitAfterMs).toBe(1_800_000);
    expect(s.businessHours?.scheduleFor('JP').timezone).toBe('Asia/Tokyo');
    expect(s.businessHours?.scheduleFor('FR').timezone).toBe('Europe/Berlin');
    expect(resolveSettings({}, parse({ outcomes: { silence: '2d' } })).outcomeSilenceMs).toBe(172_800_000);
  });

  it('the starter config of `botkpi init` is valid and sets a schedule and every target', () => {
    const s = resolveSettings({}, configSchema.parse(JSON.parse(JSON.stringify(STARTER_CONFIG))));
    expect(s.businessHours?.scheduleFor('jp').timezone).toBe('Asia/Tokyo');
    expect(s.sla).toEqual({ firstResponseMs: 30_000, handoffWaitMs: 300_000, resolutionMs: 86_400_000, businessHours: false });
  });

  it('rejects bad --sla flags', () => {
    expect(() => resolveSettings({ sla: ['answer=5s'] }, {})).toThrow(/unknown target "answer"/);
    expect(() => resolveSettings({ sla: ['first_response=5'] }, {})).toThrow(/sla\.first_response "5": expected a number and a unit/);
    expect(() => resolveSettings({ sla: ['business_hours=true'] }, {})).toThrow(/needs a business_hours schedule/);
    expect(() => resolveSettings({ splitAfter: '10' }, {})).toThrow(/--split-after "10"/);
  });
});
