import { CsError, unprocessable } from '../compute-stacks/errors.js';
import { POWER_ACTIONS } from '../simulation.js';

/**
 * The containers service's own error answers. The Rails ones it shares with the image service
 * (404 with an empty body, 422 with every full message) are compute-stacks/errors.ts's.
 */

/** A sub-resource route's container is missing or not the caller's, as `Api::Containers::BaseController#load_container` answers. */
export const unknownContainer = (): CsError => new CsError(404, { errors: ['Unknown container'] });

/** A power action ComputeStacks does not have. */
export const unknownAction = (): CsError => unprocessable(['Unknown action.', `Available actions are: ${POWER_ACTIONS.join(', ')}`]);
