import { FIELD_ALIASES } from '../schema/fields.js';
import type { Adapter } from './types.js';
import { isDoc } from './util.js';

const CONVERSATION_KEYS = new Set(['conversation_id', ...FIELD_ALIASES.conversation_id]);

/**
 * Today's flat event rows (one row per message or event, botkpi's own field names, `--map` for
 * other names): the identity adapter. A record is of this shape when it names a conversation at
 * its top level or holds no nested object at all (a row with its fields wrong is still a flat row,
 * rejected by the schema with its reason).
 */
export const flat: Adapter = {
  id: 'flat',
  title: 'flat event rows',
  docs: 'botkpi schema input',
  granularity: 'row',
  detect: (record) =>
    Object.keys(record).some((k) => CONVERSATION_KEYS.has(k.trim().toLowerCase())) ||
    !Object.values(record).some((v) => isDoc(v) || Array.isArray(v)),
  start: () => ({ adapt: (record) => [{ path: '', fields: record }] }),
};
