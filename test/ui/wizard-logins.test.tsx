// The first screen's logins in ink-testing-library, on a prepared HOME: a login written by the
// built CLI (docker config + regauth's inventory), read by the same code as `regauth status`,
// then checked, rotated and logged out from the wizard through the CLI's own lifecycle code
// (in process). Only the new secret's registry check is simulated (no registry listens here; the
// pty test does it against a real one).
import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {loginServices} from '../../source/ui/logins-services.js';
import {freePort} from '../support/free-port.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {secretForms} from '../support/scan.js';
import {tempDir} from '../support/temp.js';
import {fakeServices, KEYS, startWizard} from './support/ink.js';

async function preparedHome() {
	const dir = tempDir();
	const home = join(dir, 'home');
	mkdirSync(home);
	// A registry nobody listens on: the check says "unreachable" at once.
	const host = `127.0.0.1:${await freePort()}`;
	const env = cleanEnv(home, {XDG_STATE_HOME: join(dir, 'state'), XDG_RUNTIME_DIR: join(dir, 'run')});
	const login = await runCli(['-r', host, '-u', 'dev', '--password-stdin', '-t', 'docker', '--no-verify', '--expires', '3d', '--yes'], {
		input: 'old-S3cret',
		env,
		cwd: dir,
	});
	assert.equal(login.code, 0, login.stderr);
	const verified: string[] = [];
	const services = fakeServices({
		verify: async credential => {
			verified.push(credential.password);
			return credential.password === 'new-S3cret'
				? {status: 'verified', registry: credential.registry, message: `${credential.registry} accepted the user name and password`, advice: ''}
				: {
						status: 'rejected',
						registry: credential.registry,
						message: `${credential.registry} rejected the user name or password`,
						advice: 'Check the password.',
					};
		},
	});
	services.logins = loginServices({checks: {mode: 'on', insecure: true, timeoutMs: 3000}, processEnv: env, verify: services.verify});
	return {dir, home, host, env, services, verified, config: join(home, '.docker', 'config.json'), inventory: join(dir, 'state', 'regauth', 'inventory.json')};
}

const auths = (path: string) => JSON.parse(readFileSync(path, 'utf8')).auths as Record<string, {auth: string}>;

test('80×24: the login is listed after the registries with its expiry; check, rotate and log out act on the real files', {timeout: 60_000}, async () => {
	const home = await preparedHome();
	const wizard = await startWizard({services: home.services, columns: 80, rows: 24});
	// The registries keep their places; the login is below them, said so while it is out of sight.
	let frame = await wizard.waitFor(/1 login on this machine further down the list/);
	assert.match(frame, /❯ Docker Hub/);
	frame = await wizard.press(KEYS.end);
	assert.match(frame, new RegExp(`❯ ● ${home.host.replaceAll('.', '\\.')} — dev · ⚠ expires in 3 days · plain text`));
	assert.match(frame, /regauth wrote: Docker config\.json/);

	frame = await wizard.press(KEYS.enter);
	assert.match(frame, new RegExp(`Docker: ${home.config.replaceAll('.', '\\.')} — plain text`));
	assert.match(frame, /⚠ Expires .* \(in 3 days\)/);
	assert.match(frame, /❯ Check it with the registry/);

	// Check: the status --check of this login, shown inline.
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/Check: \? unreachable/, 20_000);

	// Rotate: a rejected secret keeps the field; the accepted one shows the plan, then applies it.
	await wizard.press(KEYS.down, KEYS.enter);
	frame = await wizard.type('wrong-one');
	assert.match(frame, /New secret\s+•{9}/);
	assert.doesNotMatch(frame, /wrong-one/);
	frame = await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/✗ .* rejected the user name or password/);
	await wizard.press(KEYS.ctrlU);
	await wizard.type('new-S3cret');
	// The new token's own expiry (the old one's was 3 days off): said in the plan, recorded for status.
	frame = await wizard.press(KEYS.tab);
	assert.match(frame, /› Expires \(optional\)/);
	await wizard.type('30d');
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/It replaces the old one in:/);
	assert.match(frame, /It expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(in 30 days\)/);
	assert.match(frame, /Docker config\.json — /);
	assert.match(frame, /❯ Replace it everywhere/);
	assert.equal(auths(home.config)[home.host]?.auth, Buffer.from('dev:old-S3cret').toString('base64'), 'nothing written before the confirmation');
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/✓ Rotated\./);
	assert.match(frame, /regauth undo reverts this/);
	assert.equal(auths(home.config)[home.host]?.auth, Buffer.from('dev:new-S3cret').toString('base64'));
	assert.deepEqual(home.verified, ['wrong-one', 'new-S3cret']);
	const rotated = JSON.parse(readFileSync(home.inventory, 'utf8')).logins[0];
	const days = (Date.parse(rotated.expiresAt) - Date.now()) / 86_400_000;
	assert.ok(days > 29.9 && days <= 30, `the inventory records the new expiry (${rotated.expiresAt})`);
	assert.equal(rotated.expirySource, 'flag');
	for (const text of wizard.frames()) assert.ok(!text.includes('new-S3cret') && !text.includes('old-S3cret'), 'no secret is ever drawn');

	// Log out: what is removed, then removed; the panel shows the result though the list lost it.
	await wizard.press(KEYS.enter); // Back to the menu
	await wizard.press(KEYS.down, KEYS.down, KEYS.enter);
	frame = await wizard.waitFor(/Logging out removes:/);
	assert.match(frame, new RegExp(`the entries for\\s+${home.host.replaceAll('.', '\\.')} removed`));
	assert.ok(home.host in auths(home.config), 'nothing removed before the confirmation');
	await wizard.press(KEYS.enter);
	frame = await wizard.waitFor(/✓ Logged out\./);
	assert.equal(auths(home.config)[home.host], undefined);
	await wizard.press(KEYS.enter);
	// The list is read again: the login is gone from it.
	frame = await wizard.waitFor(/Which registry\?(?![\s\S]*(login on this machine|● 127\.0\.0\.1))/);
	const inventory = readFileSync(home.inventory, 'utf8');
	for (const form of [...secretForms('dev', 'old-S3cret'), ...secretForms('dev', 'new-S3cret')]) assert.ok(!inventory.includes(form));
	wizard.unmount();
});

test('120×40: the login is in sight at once, and Esc from its panel goes back to the list', {timeout: 60_000}, async () => {
	const home = await preparedHome();
	const wizard = await startWizard({services: home.services, columns: 120, rows: 40});
	let frame = await wizard.waitFor(/● 127\.0\.0\.1:\d+ — dev/);
	assert.doesNotMatch(frame, /further down the list/);
	frame = await wizard.press(KEYS.end, KEYS.enter);
	assert.match(frame, /Log out: remove it from this machine/);
	assert.doesNotMatch(frame, /Preview/, 'the panel has the whole width');
	frame = await wizard.press(KEYS.escape);
	assert.match(frame, /Which registry\?/);
	assert.match(frame, /❯ ● 127\.0\.0\.1/);
	wizard.unmount();
});

test('Ctrl+C while a logout is written stops it between two items and shows what was done; it does not quit mid-way', async () => {
	const listed = {
		registry: 'quay.io',
		key: 'quay.io',
		user: 'dev',
		stored: [{file: '/home/dev/.docker/config.json', reader: 'docker' as const, key: 'quay.io', storage: 'plain-text' as const}],
		regauth: null,
		expiresAt: null,
		expiry: 'unknown' as const,
	};
	const services = fakeServices();
	let aborted = false;
	services.logins = {
		read: async () => ({version: 1, logins: [listed], problems: []}),
		check: async () => ({result: 'ok', message: 'fine'}),
		prepareRotation: async () => ({ok: false, message: 'not here'}),
		prepareLogout: async () => ({
			ok: true,
			preview: {removes: ['/home/dev/.docker/config.json: the entries for quay.io removed'], secrets: [], leftFiles: [], erasesItem: false},
			// Stands in for apply(): it stops when its signal is aborted, as apply does between items.
			apply: signal =>
				new Promise(resolve =>
					signal.addEventListener('abort', () => {
						aborted = true;
						resolve({ok: false, lines: ['✓ Docker config.json — updated', '· containers auth.json — not attempted'], undo: true});
					}),
				),
		}),
	};
	const wizard = await startWizard({services, columns: 80, rows: 24});
	await wizard.waitFor(/login on this machine|● quay\.io/);
	await wizard.press(KEYS.end, KEYS.enter, KEYS.down, KEYS.down, KEYS.enter);
	await wizard.waitFor(/Logging out removes:/);
	await wizard.press(KEYS.enter);
	await wizard.waitFor(/Logging out…/);
	const frame = await wizard.press(KEYS.ctrlC);
	assert.ok(aborted, 'the apply was asked to stop');
	assert.equal(wizard.exitCode(), undefined, 'the wizard is still there');
	assert.match(frame, /✗ The logout did not finish/);
	assert.match(frame, /regauth undo reverts this/);
	await wizard.press(KEYS.ctrlC);
	assert.equal(wizard.exitCode(), 130, 'the next Ctrl+C quits');
	wizard.unmount();
});

test('an inventory regauth does not trust is said on the first screen (not shown as logins regauth never made)', {timeout: 60_000}, async () => {
	const home = await preparedHome();
	chmodSync(home.inventory, 0o644);
	const wizard = await startWizard({services: home.services, columns: 120, rows: 40});
	const frame = await wizard.waitFor(/! Logins: the inventory[\s\S]*is not trusted/);
	assert.match(frame, /● 127\.0\.0\.1:\d+ — dev/, 'the login in the docker config is still listed');
	wizard.unmount();
});
