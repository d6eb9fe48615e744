/** Reasons several KPIs give for a null value, in one place so they read the same everywhere. */
export const NO_BOT = 'no bot-engaged conversations';
export const NO_HANDOFF = 'no conversation with an explicit handoff';
export const NO_RESOLVED = 'no resolved conversations';
export const NEEDS_SCHEDULE = 'needs business_hours in the config';
/** A cost sum beyond the largest number (1.8e308): JSON would show it as a bare null. */
export const OVERFLOW = 'cost sum overflows (beyond 1.8e308)';
