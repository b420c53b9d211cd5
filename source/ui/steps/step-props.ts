import type {Environment} from '../../environment.js';
import type {Plan} from '../../plan-types.js';
import type {WizardServices} from '../services.js';
import type {Action, WizardState} from '../state.js';

/** What every step gets: it renders `state` and reacts to keys while `active`. */
export interface StepProps {
	state: WizardState;
	dispatch: (action: Action) => void;
	/** The latest state, for key handlers (see store.ts). */
	get: () => WizardState;
	plan: Plan;
	env: Environment | null;
	width: number;
	height: number;
	active: boolean;
	services: WizardServices;
	/** End the wizard with this exit code. */
	finish: (code: number) => void;
	/** Read the machine again (after a file changed under us). */
	refresh: () => Promise<void>;
}
