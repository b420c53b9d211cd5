// Drives the wizard in ink-testing-library: keys in, frames out. After a write React 19 needs a
// few macrotasks before the new frame exists (docs/ink-notes.md), so press()
// waits for the frame to change (or a short budget to pass) and then yields once more.
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {type Answers, defaultAnswers} from '../../../source/answers.js';
import {type Environment, emptyEnvironment} from '../../../source/environment.js';
import type {KeychainStatus} from '../../../source/keychain-status.js';
import {App, type AppProps} from '../../../source/ui/app.js';
import type {StoreStatus} from '../../../source/ui/choices.js';
import type {WizardProfile} from '../../../source/ui/profile-flow.js';
import type {WizardServices} from '../../../source/ui/services.js';
import type {FinalReport} from '../../../source/ui/steps/apply.js';
import type {VerifyResult} from '../../../source/verify/result.js';
import type {VerifyMode} from '../../../source/verify/verdict.js';

export const KEYS = {
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	backspace: '\u007F',
	ctrlC: '\u0003',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	space: ' ',
	shiftTab: '\u001B[Z',
	home: '\u001B[H',
	end: '\u001B[F',
	delete: '\u001B[3~',
	ctrlA: '\u0001',
	ctrlE: '\u0005',
	ctrlK: '\u000B',
	ctrlP: '\u0010',
	ctrlR: '\u0012',
	ctrlU: '\u0015',
	ctrlW: '\u0017',
	altB: '\u001Bb',
	altF: '\u001Bf',
	ctrlLeft: '\u001B[1;5D',
	ctrlRight: '\u001B[1;5C',
	pasteStart: '\u001B[200~',
	pasteEnd: '\u001B[201~',
};

const tick = () => new Promise(resolve => setImmediate(resolve)).then(() => new Promise(resolve => setTimeout(resolve, 0)));

export function fakeServices(overrides: Partial<WizardServices> = {}): WizardServices {
	return {
		checkKeychain: async () => ({ok: true}),
		rememberedCredentials: async () => ({ok: true, servers: {}}),
		recallCredential: async () => ({ok: false, message: 'nothing stored'}),
		apply: async () => ({kind: 'done', result: {ok: true, items: []}}),
		verify: async credential => ({status: 'verified', registry: credential.registry, message: `${credential.registry} accepted the login`, advice: ''}),
		readFile: async path => ({ok: false, message: `Import file ${path}: no such file`}),
		...overrides,
	};
}

/** Services whose credential check always answers `status` (with a registry's wording). */
export const answering = (status: VerifyResult['status']) =>
	fakeServices({
		verify: async credential => ({status, registry: credential.registry, message: `${credential.registry}: ${status}`, advice: 'Check the registry.'}),
	});

/** The left column of a frame (the preview sits beside it when wide) as one line of words. */
export const leftColumn = (frame: string) =>
	frame
		.split('\n')
		.map(line => line.split('│')[0])
		.join(' ')
		.replace(/\s+/g, ' ');

export function testEnvironment(overrides: Partial<Environment> = {}): Environment {
	return emptyEnvironment({
		home: '/home/dev',
		cwd: '/work',
		helpers: ['secretservice'],
		regauthHelper: {node: process.execPath, script: '/opt/regauth/dist/docker-credential-regauth.js', npx: false},
		...overrides,
	});
}

/** The App with a machine that "reading it again" can change (the wizard's refresh). */
function Machine({
	first,
	reread,
	storeChecks,
	...props
}: Omit<AppProps, 'env' | 'refresh'> & {first: Environment; reread?: () => Environment; storeChecks?: StoreChecks}) {
	const [env, setEnv] = useState(first);
	// Stores checked again (after the keychain step set one up) reach the App as run-wizard's do.
	const [stores, setStores] = useState(props.stores);
	// A test finishes store checks when it chooses (run-wizard's checks end whenever they end).
	if (storeChecks) storeChecks.finish = found => setStores(current => ({...current, ...found}));
	const [services] = useState(() => {
		const recheck = props.services.recheckStores;
		return recheck
			? {
					...props.services,
					recheckStores: async () => {
						const found = await recheck();
						setStores(current => ({...current, ...found}));
						return found;
					},
				}
			: props.services;
	});
	const refresh = async () => {
		if (reread) setEnv(reread());
	};
	return <App {...props} {...(stores ? {stores} : {})} services={services} env={env} refresh={refresh} />;
}

/** Filled by startWizard: finish store checks later, as the real ones do while the wizard runs. */
export interface StoreChecks {
	finish?: (found: StoreStatus) => void;
}

export interface Driver {
	frame: () => string;
	press: (...keys: string[]) => Promise<string>;
	type: (text: string) => Promise<string>;
	/** Wait until the frame matches (effects such as reading a file take more than a render). */
	waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
	/** Several chunks written back to back, before the screen can follow (fast typing). */
	burst: (...chunks: string[]) => Promise<string>;
	resize: (columns: number, rows: number) => Promise<string>;
	exitCode: () => number | undefined;
	/** What the wizard leaves in the terminal when it ends. */
	report: () => FinalReport | undefined;
	unmount: () => void;
	frames: () => string[];
}

export async function startWizard(
	options: {
		env?: Environment;
		services?: WizardServices;
		answers?: Answers;
		columns?: number;
		rows?: number;
		stores?: StoreStatus;
		verifyMode?: VerifyMode;
		keychain?: KeychainStatus;
		/** What reading the machine again finds (the wizard's refresh); default: the same machine. */
		reread?: () => Environment;
		/** regauth as the user ran it (the App's `self`). */
		self?: string;
		/** The client certificate the wizard was started with (--cert-file/--key-file). */
		clientCert?: {certFile: string; keyFile: string};
		/** A team profile the user accepted (the wizard starts at its first registry). */
		profile?: WizardProfile;
		/** Lets the test finish the store checks later (startWizard fills `finish`). */
		storeChecks?: StoreChecks;
	} = {},
): Promise<Driver> {
	let exitCode: number | undefined;
	let report: FinalReport | undefined;
	const instance = render(
		<Machine
			first={options.env ?? testEnvironment()}
			{...(options.reread ? {reread: options.reread} : {})}
			initialAnswers={options.answers ?? {...defaultAnswers(), keychain: {kind: 'regauth'}}}
			services={options.services ?? fakeServices()}
			{...(options.stores ? {stores: options.stores} : {})}
			{...(options.verifyMode ? {verifyMode: options.verifyMode} : {})}
			{...(options.keychain ? {keychain: options.keychain} : {})}
			{...(options.self ? {self: options.self} : {})}
			{...(options.clientCert ? {clientCert: options.clientCert} : {})}
			{...(options.profile ? {profile: options.profile} : {})}
			{...(options.storeChecks ? {storeChecks: options.storeChecks} : {})}
			onExit={(code, final) => {
				exitCode = code;
				report = final;
			}}
		/>,
	);
	let columns = options.columns ?? 100;
	let rows = options.rows ?? 30;
	Object.defineProperty(instance.stdout, 'columns', {get: () => columns, configurable: true});
	Object.defineProperty(instance.stdout, 'rows', {get: () => rows, configurable: true});
	instance.stdout.emit('resize');
	const frame = () => instance.lastFrame() ?? '';
	// Wait for the frame to change, then for it to stay put a few ticks (keys held for the next
	// screen are replayed over more than one render).
	const settle = async (before: string) => {
		for (let waited = 0; waited < 60 && frame() === before; waited++) await tick();
		for (let stable = 0, last = frame(); stable < 3; ) {
			await tick();
			if (frame() === last) stable++;
			else {
				last = frame();
				stable = 0;
			}
		}
		return frame();
	};
	await settle('');
	return {
		frame,
		press: async (...keys) => {
			for (const key of keys) {
				const before = frame();
				instance.stdin.write(key);
				await settle(before);
			}
			return frame();
		},
		type: async text => {
			const before = frame();
			instance.stdin.write(text);
			return settle(before);
		},
		waitFor: async (pattern, timeoutMs = 5000) => {
			const deadline = Date.now() + timeoutMs;
			while (!pattern.test(frame())) {
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the frame is:\n${frame()}`);
				await new Promise(resolve => setTimeout(resolve, 10));
			}
			return frame();
		},
		burst: async (...chunks) => {
			const before = frame();
			for (const chunk of chunks) instance.stdin.write(chunk);
			return settle(before);
		},
		resize: async (nextColumns, nextRows) => {
			const before = frame();
			columns = nextColumns;
			rows = nextRows;
			instance.stdout.emit('resize');
			return settle(before);
		},
		exitCode: () => exitCode,
		report: () => report,
		unmount: () => instance.unmount(),
		frames: () => instance.frames,
	};
}
