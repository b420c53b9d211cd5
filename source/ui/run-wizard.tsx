// Starts the wizard: the first frame is drawn before anything slow happens; the machine is read
// right after (files, kubectl, and whether each keychain store works) and the screen updates.
// Ink owns the terminal until the user finishes or quits; then its frame is cleared and a plain
// summary (what was written, backups, next steps, the headless command) stays in the terminal.
import {render} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import {type Answers, TARGET_IDS} from '../answers.js';
import type {Invocation, VerifyFlags} from '../cli/args.js';
import type {Environment} from '../environment.js';
import type {KeychainStatus} from '../keychain/diagnose.js';
import {HELPER_NAME} from '../keychain/names.js';
import {kubeInfo, probeEnvironment} from '../probe.js';
import {App} from './app.js';
import type {StoreStatus} from './choices.js';
import type {FinalReport} from './steps/apply.js';
import {wizardServices} from './wizard-services.js';

async function readMachine(answers: Answers): Promise<Environment> {
	const [{plannedReads}, base] = await Promise.all([import('../plan.js'), probeEnvironment(process.env)]);
	// Read every file any target could merge into, so switching targets never waits on disk.
	return probeEnvironment(process.env, {reads: plannedReads({...answers, targets: [...TARGET_IDS]}, base)});
}

/** Seconds a store may take to answer while the first screen is shown; it is re-checked on Enter anyway. */
const STORE_CHECK_MS = 8000;

/** Check every keychain store the wizard offers, in parallel, each result as it comes. */
async function checkStores(env: Environment, onStatus: (status: KeychainStatus) => void): Promise<void> {
	const {probeKeychain} = await import('../keychain/helper-client.js');
	const helpers = [
		...(env.regauthHelper || env.helpers.includes(HELPER_NAME) ? [HELPER_NAME] : []),
		...env.helpers.filter(name => name === 'secretservice' || name === 'pass'),
	];
	await Promise.all(helpers.map(helper => probeKeychain(env, helper, {timeoutMs: STORE_CHECK_MS}).then(onStatus)));
}

function Wizard({initialAnswers, checks, onExit}: {initialAnswers: Answers; checks: VerifyFlags; onExit: (code: number, report?: FinalReport) => void}) {
	const [env, setEnv] = useState<Environment | null>(null);
	const [keychain, setKeychain] = useState<KeychainStatus | undefined>();
	const [stores, setStores] = useState<StoreStatus>({});
	const envRef = useRef<Environment | null>(null);
	const withKeychain = env && keychain ? {...env, keychain} : env;
	envRef.current = withKeychain;

	const refresh = useCallback(async () => {
		const next = await readMachine(initialAnswers);
		const kubectl = next.programs.kubectl;
		setEnv(next);
		void checkStores(next, status => setStores(current => ({...current, [status.helper]: status})));
		if (kubectl) {
			const kube = await kubeInfo(kubectl, process.env);
			setEnv(current => (current ? {...current, kube} : current));
		}
	}, [initialAnswers]);

	useEffect(() => {
		void refresh();
	}, [refresh]);

	const services = useRef(wizardServices(() => envRef.current, setKeychain, checks)).current;
	return <App initialAnswers={initialAnswers} env={withKeychain} stores={stores} services={services} refresh={refresh} onExit={onExit} />;
}

export async function runWizard(invocation: Invocation): Promise<number> {
	let code = 130;
	let report: FinalReport | undefined;
	const initialAnswers: Answers = {...invocation.answers, keychain: {kind: 'regauth'}};
	const instance = render(
		<Wizard
			initialAnswers={initialAnswers}
			checks={invocation.verify}
			onExit={(value, final) => {
				code = value;
				report = final;
			}}
		/>,
		{exitOnCtrlC: false, maxFps: 120, patchConsole: false},
	);
	await instance.waitUntilExit();
	if (report) process.stdout.write(report.text);
	return code;
}
