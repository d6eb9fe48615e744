import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Conversation } from '../model.js';
import { isContained } from './derive.js';

/** Breakdown dimensions (`--by`). */
export const DIMENSIONS = ['channel', 'language', 'market', 'intent', 'hour', 'weekday', 'day', 'week', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Attributes `--where` can filter on: the dimensions plus conversation facts. */
export const ATTRIBUTES = [
  ...DIMENSIONS,
  'customer_id',
  'conversation_id',
  'bot_engaged',
  'bot_answered',
  'escalated',
  'contained',
  'resolved',
] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

const TIME_FORMATS = {
  hour: 'HH',
  weekday: 'EEE',
  day: 'yyyy-MM-dd',
  // ISO week-numbering year and ISO week: 2025-W07.
  week: "RRRR-'W'II",
  month: 'yyyy-MM',
} as const;

/** Formats the start of a conversation as a time bucket label in `tz`. */
export function timeLabel(ms: number, bucket: keyof typeof TIME_FORMATS, tz: string): string {
  return format(new TZDate(ms, tz), TIME_FORMATS[bucket]);
}

const bool = (b: boolean): string => (b ? 'true' : 'false');

/** The value of an attribute for a conversation, as text; null when missing. */
export function attribute(c: Conversation, name: Attribute, tz: string): string | null {
  switch (name) {
    case 'channel':
      return c.channel ?? null;
    case 'language':
      return c.language ?? null;
    case 'market':
      return c.market ?? null;
    case 'intent':
      return c.primaryIntent ?? null;
    case 'customer_id':
      return c.customerId ?? null;
    case 'conversation_id':
      return c.id;
    case 'hour':
    case 'weekday':
    case 'day':
    case 'week':
    case 'month':
      return timeLabel(c.start, name, tz);
    case 'bot_engaged':
      return bool(c.botEngaged);
    case 'bot_answered':
      return bool(c.botAnswered);
    case 'escalated':
      return bool(c.escalated);
    case 'contained':
      return bool(isContained(c));
    case 'resolved':
      return c.resolved === undefined ? null : bool(c.resolved);
  }
}
