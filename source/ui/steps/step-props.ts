import type {Environment} from '../../environment.js';
import type {Plan} from '../../plan-types.js';
import type {LoginStatus} from '../../status/report.js';
import type {VerifyMode} from '../../verify/verdict.js';
import type {StoreStatus} from '../choices.js';
import type {WizardServices} from '../services.js';
import type {Action, WizardState} from '../state.js';
import type {FinalReport} from './apply.js';

/** What every step view gets: it renders `state`; keys are handled by the key map (keymap.ts). */
export interface StepProps {
	state: WizardState;
	dispatch: (action: Action) => void;
	/** The latest state, for effects that finish later (see store.ts). */
	get: () => WizardState;
	plan: Plan;
	env: Environment | null;
	stores: StoreStatus | undefined;
	/** kubectl's contexts were asked for and the answer is in (env.kube null then means: could not be read). */
	kubeRead: boolean;
	/** regauth as the user ran it, for commands the screens suggest (`npx regauth undo`). */
	self: string;
	/** How the credential checks judge: what stops the run (the plan refuses) and what only warns. */
	verifyMode: VerifyMode;
	width: number;
	height: number;
	active: boolean;
	services: WizardServices;
	/** End the wizard with this exit code (and the summary to leave in the terminal). */
	finish: (code: number, report?: FinalReport) => void;
	/** Read the machine again (after a file changed under us). */
	refresh: () => Promise<void>;
	/** The apply step's outcome, once known: Enter then finishes with it. */
	onReport: (report: FinalReport) => void;
	/** The logins `regauth status` finds, once read (the first screen lists them). */
	logins?: readonly LoginStatus[];
	/** What that read could not read (an untrusted inventory, a helper that failed). */
	loginProblems?: readonly string[];
}
