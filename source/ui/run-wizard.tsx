// Starts the wizard: the first frame is drawn before anything slow happens; the machine is read
// right after and the screen updates. Ink owns the terminal until the user finishes or quits.
import {render} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import {type Answers, TARGET_IDS} from '../answers.js';
import type {Invocation, VerifyFlags} from '../cli/args.js';
import type {LoadedProfile} from '../cli/profile.js';
import type {Environment} from '../environment.js';
import type {KeychainStatus} from '../keychain/diagnose.js';
import {kubeInfo, probeEnvironment} from '../probe.js';
import {App} from './app.js';
import {wizardServices} from './wizard-services.js';

async function readMachine(answers: Answers): Promise<Environment> {
	const [{plannedReads}, base] = await Promise.all([import('../plan.js'), probeEnvironment(process.env)]);
	// Read every file any target could merge into, so switching targets never waits on disk.
	return probeEnvironment(process.env, {reads: plannedReads({...answers, targets: [...TARGET_IDS]}, base)});
}

function Wizard({initialAnswers, checks, onExit}: {initialAnswers: Answers; checks: VerifyFlags; onExit: (code: number) => void}) {
	const [env, setEnv] = useState<Environment | null>(null);
	const [keychain, setKeychain] = useState<KeychainStatus | undefined>();
	const envRef = useRef<Environment | null>(null);
	const withKeychain = env && keychain ? {...env, keychain} : env;
	envRef.current = withKeychain;

	const refresh = useCallback(async () => {
		const next = await readMachine(initialAnswers);
		const kubectl = next.programs.kubectl;
		setEnv(next);
		if (kubectl) {
			const kube = await kubeInfo(kubectl, process.env);
			setEnv(current => (current ? {...current, kube} : current));
		}
	}, [initialAnswers]);

	useEffect(() => {
		void refresh();
	}, [refresh]);

	const services = useRef(wizardServices(() => envRef.current, setKeychain, checks)).current;
	return <App initialAnswers={initialAnswers} env={withKeychain} services={services} refresh={refresh} onExit={onExit} />;
}

export async function runWizard(invocation: Invocation, _profile?: LoadedProfile): Promise<number> {
	let code = 130;
	const initialAnswers: Answers = {...invocation.answers, keychain: {kind: 'regauth'}};
	const instance = render(<Wizard initialAnswers={initialAnswers} checks={invocation.verify} onExit={value => (code = value)} />, {
		exitOnCtrlC: false,
		maxFps: 120,
		patchConsole: false,
	});
	await instance.waitUntilExit();
	return code;
}
