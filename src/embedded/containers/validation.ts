import { POWER_ACTIONS, type PowerAction } from '../simulation.js';
import { unknownAction } from './errors.js';

/**
 * What the containers service checks in a request besides its paging (paging.ts): the power
 * action of `PUT /api/containers/{id}/power/{action}`.
 */

/** The power action a path names; 422 listing the actions ComputeStacks has otherwise. */
export function checkPowerAction(action: string): PowerAction {
  if (!(POWER_ACTIONS as readonly string[]).includes(action)) throw unknownAction();
  return action as PowerAction;
}
