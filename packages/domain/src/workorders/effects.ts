// What each event does to the order once the transition table allowed it (state and role already checked):
// payload checks, the guards that need more than the state, then the new fields.

import type { Effects } from './effect-context.ts';
import { CLOSING_EFFECTS } from './effects-closing.ts';
import { HANDLING_EFFECTS } from './effects-handling.ts';
import { JUDGEMENT_EFFECTS } from './effects-judgement.ts';
import type { WorkOrderEventType } from './events.ts';

export type { EffectContext } from './effect-context.ts';

/** One effect per event type except `received`, which creates the order (transitions.ts). */
export const EFFECTS: Effects<Exclude<WorkOrderEventType, 'received'>> = {
  ...HANDLING_EFFECTS,
  ...CLOSING_EFFECTS,
  ...JUDGEMENT_EFFECTS,
};
