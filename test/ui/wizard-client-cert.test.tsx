// The credentials step asks for a client certificate when the registry wants one (issue 13).
// Real parts: Debian's docker-registry with TLS and http.tls.clientcas (a throwaway CA made with
// openssl), the wizard's real credential check and file checks (wizard-services.ts). The keychain
// check and apply are the test harness's: nothing is written.
import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {test} from 'node:test';
import {defaultAnswers} from '../../source/answers.js';
import {headlessCommand} from '../../source/headless-command.js';
import {plan} from '../../source/plan.js';
import {wizardServices} from '../../source/ui/wizard-services.js';
import {tempDir} from '../support/temp.js';
import {startMtlsRegistry} from '../support/tls.js';
import {fakeServices, KEYS, startWizard, testEnvironment} from './support/ink.js';

async function mtlsRegistry() {
	const dir = tempDir();
	return {dir, ...(await startMtlsRegistry(dir))};
}

const flat = (frame: string) => frame.replace(/\s+/g, ' ');

/** Wait for words that may wrap across lines in the form column. */
async function waitForWords(wizard: Awaited<ReturnType<typeof startWizard>>, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	while (!pattern.test(flat(wizard.frame()))) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the frame is:\n${wizard.frame()}`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
	return wizard.frame();
}

test('the registry wants a client certificate: the credentials step asks for it, checks the files, checks again, and the plan carries it', async () => {
	const {dir, ca, registry, client, stranger} = await mtlsRegistry();
	const home = join(dir, 'home');
	mkdirSync(home);
	const env = testEnvironment({home, cwd: dir});
	const real = wizardServices(
		() => env,
		() => {},
		{mode: 'on', caFile: ca.cert, insecure: false, timeoutMs: 10_000},
	);
	const services = fakeServices({verify: real.verify, checkClientCert: real.checkClientCert!});
	const answers = {
		...defaultAnswers(),
		targets: ['docker' as const],
		credentials: [{registry: registry.host, username: registry.username, password: registry.password, email: ''}],
		keychain: {kind: 'file' as const},
	};
	const wizard = await startWizard({env, answers, services, columns: 100, rows: 60});
	await wizard.waitFor(/Continue with 1 registry/);
	await wizard.press(KEYS.down, KEYS.enter); // ✎ the registry → its user name
	await wizard.press(KEYS.enter, KEYS.enter, KEYS.enter); // → password → email → check
	let frame = await waitForWords(wizard, /requires a client certificate/);
	// The registry's advice in the wizard's words, the rows shown, the cursor on the certificate.
	assert.match(flat(frame), /Give its files in “Client cert” and “Client key” below/);
	assert.doesNotMatch(frame, /--cert-file|--key-file/);
	assert.match(frame, /› Client cert/);

	// A file that is not there: named, the pair not used.
	await wizard.type(join(dir, 'nope.pem'));
	await wizard.press(KEYS.enter);
	await wizard.type(client.key);
	frame = await wizard.press(KEYS.enter);
	frame = await waitForWords(wizard, /cannot read it/);
	assert.match(flat(frame), /Client certificate \S*nope\.pem: cannot read it \(no such file\)\./);
	assert.match(frame, /› Client cert/);

	// A certificate with someone else's key.
	await wizard.press(KEYS.ctrlU);
	await wizard.type(stranger.cert);
	await wizard.press(KEYS.enter);
	frame = await wizard.press(KEYS.enter);
	frame = await waitForWords(wizard, /is not the key of/);
	assert.match(frame, /› Client key/);

	// A pair from another CA: the registry turns it down.
	await wizard.press(KEYS.ctrlU);
	await wizard.type(stranger.key);
	await wizard.press(KEYS.enter);
	frame = await waitForWords(wizard, /turned down the client certificate/);
	assert.match(frame, /› Client cert/);

	// The right pair, typed relative to where the wizard runs: checked, verified, on to the list.
	await wizard.press(KEYS.ctrlU);
	await wizard.type(relative(dir, client.cert));
	await wizard.press(KEYS.down, KEYS.ctrlU);
	await wizard.type(relative(dir, client.key));
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/Continue with 1 registry/, 20_000);

	// On to the review: the headless command presents the same pair, as absolute paths.
	await wizard.press(KEYS.enter, KEYS.enter); // targets → keychain
	await wizard.press(KEYS.enter); // plain config.json: its warning
	await wizard.press(KEYS.enter); // confirmed → options
	frame = await wizard.press(KEYS.ctrlR);
	for (let page = 0; page < 8 && !/--key-file/.test(flat(frame)); page++) frame = await wizard.press(KEYS.pageDown);
	assert.match(flat(frame), new RegExp(`--cert-file ${client.cert.replace(/[.]/g, '\\.')} --key-file ${client.key.replace(/[.]/g, '\\.')}`));
	wizard.unmount();
});

test('plan(): the client certificate reaches the headless command and a note says where docker and podman need it', () => {
	const answers = {
		...defaultAnswers(),
		targets: ['docker' as const, 'podman' as const],
		credentials: [{registry: 'registry.example.com:5443', username: 'u', password: 'p', email: ''}],
	};
	const pair = {certFile: '/home/dev/client.cert', keyFile: '/home/dev/client.key'};
	const planned = plan(answers, testEnvironment(), {clientCert: pair});
	assert.match(planned.headless, / --cert-file \/home\/dev\/client\.cert --key-file \/home\/dev\/client\.key --yes$/);
	assert.equal(headlessCommand(answers), plan(answers, testEnvironment()).headless, 'without a certificate nothing changes');
	const note = planned.notes.find(each => each.message.startsWith('The check presented the client certificate'));
	assert.match(
		note?.message ?? '',
		/into \/etc\/docker\/certs\.d\/registry\.example\.com:5443\/ \(docker\); ~\/\.config\/containers\/certs\.d\/registry\.example\.com:5443\/ or \/etc\/containers\/certs\.d\/registry\.example\.com:5443\/ \(podman, skopeo\)\./,
	);
});

test('started with --cert-file/--key-file: the rows hold that pair, the checks present it, and emptied rows present none', async () => {
	// The registry is simulated by the harness's check (it records the pair it was given); the
	// real check with a real mutual-TLS registry is the first test.
	const presented: Array<string | undefined> = [];
	const services = fakeServices({
		verify: async (credential, _signal, clientCert) => {
			presented.push(clientCert?.certFile);
			return clientCert
				? {status: 'verified', registry: credential.registry, message: `${credential.registry} accepted the login`, advice: ''}
				: {status: 'tls', registry: credential.registry, message: 'it requires a client certificate', advice: '', clientCertificate: 'required'};
		},
	});
	const answers = {
		...defaultAnswers(),
		targets: ['docker' as const],
		credentials: [{registry: 'registry.example.com', username: 'u', password: 'p', email: ''}],
	};
	const pair = {certFile: '/etc/pki/me.cert', keyFile: '/etc/pki/me.key'};
	const wizard = await startWizard({answers, services, clientCert: pair, columns: 100, rows: 50});
	await wizard.press(KEYS.down, KEYS.enter); // ✎ the registry
	await wizard.press(KEYS.enter, KEYS.enter, KEYS.enter);
	await wizard.waitFor(/Continue with 1 registry/);
	assert.deepEqual(presented, [pair.certFile]);
	// Back in the form: the rows show the pair; emptied, the next check presents none.
	await wizard.press(KEYS.down, KEYS.enter);
	await wizard.waitFor(/Client cert\s+\/etc\/pki\/me\.cert/);
	await wizard.press(KEYS.down, KEYS.down, KEYS.down, KEYS.ctrlU); // Username → Password → Email → Client cert
	assert.match(wizard.frame(), /› Client cert/);
	await wizard.press(KEYS.down, KEYS.ctrlU, KEYS.enter);
	await waitForWords(wizard, /requires a client certificate/);
	assert.deepEqual(presented, [pair.certFile, undefined]);
	wizard.unmount();
});
