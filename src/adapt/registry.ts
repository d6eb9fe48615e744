import { chatwoot } from './chatwoot.js';
import { dialogflowCx } from './dialogflow-cx.js';
import { flat } from './flat.js';
import { intercom } from './intercom.js';
import { langfuse } from './langfuse.js';
import { messages } from './messages.js';
import { rasa, rasaSql } from './rasa.js';
import { zendesk } from './zendesk.js';
import type { Adapter } from './types.js';

/**
 * Every input shape botkpi reads, in detection order. Adding one means adding its module here
 * (one line), its fixture and its tests. `flat` is first: it is what a record is when no platform
 * shape claims it.
 */
export const ADAPTERS: readonly Adapter[] = [
  flat,
  messages,
  intercom,
  zendesk,
  chatwoot,
  rasa,
  rasaSql,
  dialogflowCx,
  langfuse,
];

export function adapterById(id: string): Adapter | undefined {
  const key = id.trim().toLowerCase();
  return ADAPTERS.find((a) => a.id === key);
}
