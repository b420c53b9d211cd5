// Starts the wizard: the first frame is drawn before anything slow happens; the machine is read
// right after (files, kubectl, and whether each keychain store works) and the screen updates.
// Ink owns the terminal until the user finishes or quits; then its frame is cleared and a plain
// summary (what was written, backups, next steps, the headless command) stays in the terminal.
import {dirname} from 'node:path';
import {render} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {type Answers, TARGET_IDS} from '../answers.js';
import {checkFacts} from '../check-facts.js';
import type {Invocation, VerifyFlags} from '../cli/args.js';
import type {LoadedProfile} from '../cli/profile.js';
import type {Environment} from '../environment.js';
import type {KeychainStatus} from '../keychain/diagnose.js';
import {kubeInfo, probeEnvironment} from '../probe.js';
import {selfCommand} from '../self-command.js';
import {type FirstFrame, handOverFirstFrame} from '../startup/first-frame.js';
import {App} from './app.js';
import type {StoreStatus} from './choices.js';
import {withLoginServices} from './logins-services.js';
import type {WizardProfile} from './profile-flow.js';
import {keychainSetupServices} from './setup-services.js';
import type {FinalReport} from './steps/apply.js';
import {checkStores} from './store-checks.js';
import {wizardServices} from './wizard-services.js';

async function readMachine(answers: Answers): Promise<Environment> {
	const [{plannedReads}, base] = await Promise.all([import('../plan.js'), probeEnvironment(process.env)]);
	// Read every file any target could merge into, so switching targets never waits on disk.
	return probeEnvironment(process.env, {reads: plannedReads({...answers, targets: [...TARGET_IDS]}, base)});
}

function Wizard({
	initialAnswers,
	profile,
	checks,
	onExit,
}: {
	initialAnswers: Answers;
	profile?: WizardProfile;
	checks: VerifyFlags;
	onExit: (code: number, report?: FinalReport, answers?: Answers) => void;
}) {
	const [env, setEnv] = useState<Environment | null>(null);
	const [keychain, setKeychain] = useState<KeychainStatus | undefined>();
	const [stores, setStores] = useState<StoreStatus>({});
	const [kubeRead, setKubeRead] = useState(false);
	const envRef = useRef<Environment | null>(null);
	envRef.current = env;

	const refresh = useCallback(async () => {
		const next = await readMachine(initialAnswers);
		const kubectl = next.programs.kubectl;
		setEnv(next);
		void checkStores(next, status => setStores(current => ({...current, [status.helper]: status})));
		if (kubectl) {
			// A slow kubectl (5 s for `config get-contexts` is common with cloud SDK builds) times
			// out to null: then the first screen says so instead of "reading contexts…" forever.
			const kube = await kubeInfo(kubectl, process.env);
			setEnv(current => (current ? {...current, kube} : current));
		}
		setKubeRead(true);
	}, [initialAnswers]);

	useEffect(() => {
		void refresh();
	}, [refresh]);

	// Fixed for the run; one object, so the plan facts (and the plan) are not made again per render.
	const checkFlags = useMemo(() => checkFacts(checks).checks, [checks]);
	// The wizard's own services, the keychain set-up, and the first screen's logins (status, check, rotate, logout).
	const services = useRef(
		withLoginServices(
			{
				...wizardServices(() => envRef.current, setKeychain, checks),
				...keychainSetupServices(
					process.env,
					() => envRef.current,
					status => setStores(current => ({...current, [status.helper]: status})),
				),
			},
			checks,
		),
	).current;
	return (
		<App
			initialAnswers={initialAnswers}
			{...(profile ? {profile} : {})}
			env={env}
			stores={stores}
			kubeRead={kubeRead}
			keychain={keychain}
			verifyMode={checks.mode}
			{...(checks.certFile && checks.keyFile && checks.mode !== 'off' ? {clientCert: {certFile: checks.certFile, keyFile: checks.keyFile}} : {})}
			checkFlags={checkFlags}
			self={selfCommand(process.argv, process.env, process.cwd())}
			services={services}
			refresh={refresh}
			onExit={onExit}
		/>
	);
}

/** The profile's answers (its flags, as headless reads them) and what the wizard shows of it. */
async function fromProfile(loaded: LoadedProfile, invocation: Invocation): Promise<{answers: Answers; checks: VerifyFlags; profile: WizardProfile}> {
	const [{profileFlags, defaultStore}, {parseInvocation}, {profileSummary}, {allowedStores}, {fixedOptions}] = await Promise.all([
		import('../profile/profile-args.js'),
		import('../cli/args.js'),
		import('../cli/profile-prompt.js'),
		import('../profile/policy.js'),
		import('./profile-options.js'),
	]);
	const stores = allowedStores(loaded.profile);
	const fixed = parseInvocation(profileFlags(loaded.profile, dirname(loaded.path)).map(flag => flag.arg));
	const store = defaultStore(loaded.profile);
	const answers: Answers = {...fixed.answers, keychain: store ? fixed.answers.keychain : {kind: 'regauth'}};
	// --verify on the command line wins over the profile's.
	const checks = invocation.verify.mode === 'on' ? {...invocation.verify, mode: fixed.verify.mode} : invocation.verify;
	return {
		answers,
		checks,
		profile: {
			shown: loaded.shown,
			...(loaded.profile.welcome ? {welcome: loaded.profile.welcome} : {}),
			registries: loaded.profile.registries,
			targetsFixed: loaded.profile.targets !== undefined,
			required: loaded.profile.keychain?.policy === 'required',
			...(stores ? {stores} : {}),
			optionsFixed: fixedOptions(loaded.profile),
			...(store ? {store} : {}),
			fixed: profileSummary(loaded),
		},
	};
}

export async function runWizard(invocation: Invocation, firstFrame?: FirstFrame, loaded?: LoadedProfile): Promise<number> {
	let code = 130;
	let report: FinalReport | undefined;
	let finalAnswers: Answers | undefined;
	const started = loaded ? await fromProfile(loaded, invocation) : undefined;
	const initialAnswers: Answers = started?.answers ?? {...invocation.answers, keychain: {kind: 'regauth'}};
	if (firstFrame) handOverFirstFrame(firstFrame, process.stdout);
	const instance = render(
		<Wizard
			initialAnswers={initialAnswers}
			{...(started ? {profile: started.profile} : {})}
			checks={started?.checks ?? invocation.verify}
			onExit={(value, final, answers) => {
				code = value;
				report = final;
				finalAnswers = answers;
			}}
		/>,
		// Incremental: a key rewrites only the rows it changed (1/6 of the bytes at 80×24, 1/30 at
		// 200×60: bench/keystroke.mjs), which matters over SSH. Needs the log-update fix in
		// scripts/dependency-patches.mjs.
		{exitOnCtrlC: false, maxFps: 120, patchConsole: false, incrementalRendering: true},
	);
	await instance.waitUntilExit();
	if (report) process.stdout.write(report.text);
	if (code === 0 && !loaded && finalAnswers && finalAnswers.credentials.length > 0) {
		const {offerToSaveProfile} = await import('../cli/profile-save.js');
		await offerToSaveProfile(finalAnswers, invocation.verify.mode, process.stdin, text => process.stdout.write(text));
	}
	return code;
}
