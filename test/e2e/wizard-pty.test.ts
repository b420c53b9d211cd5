// The built CLI in a real pseudo-terminal, walked with keys as a person would, against a real
// registry (the credential check runs for real). The screen is read through a headless xterm.

import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {parse} from 'yaml';
import {runInPty} from '../support/pty.js';
import {openOtherRegistry, ptyHome} from '../support/pty-home.js';
import {startRegistry} from '../support/registry.js';
import {CLI} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

const ENTER = '\r';
const DOWN = '\u001B[B';
const TAB = '\t';
const RIGHT = '\u001B[C';
const CTRL_R = '\u0012';

test('a first run, start to finish: registry, credentials (checked), targets, keychain, options, review, apply', async () => {
	const registry = await startRegistry(join(tempDir(), 'registry'));
	const {dir, home, env} = ptyHome();
	const run = runInPty(process.execPath, [CLI], {cwd: dir, env});

	// The first screen: what regauth found, and the registry question.
	let screen = await run.waitFor(/Which registry\?/);
	assert.match(screen, /On this machine/);
	await openOtherRegistry(run);
	await run.typeSlowly(registry.host);
	screen = await run.waitFor(new RegExp(`stored as ${registry.host.replaceAll('.', '\\.')}`));
	await run.press(ENTER);
	await run.typeSlowly(registry.username);
	screen = await run.waitFor(new RegExp(`Username\\s+${registry.username}`));
	await run.press(ENTER);

	// The password, typed key by key: masked, counted, and the preview follows every key.
	await run.typeSlowly(registry.password.slice(0, 4));
	screen = await run.waitFor(/● 4 characters typed/);
	await run.typeSlowly(registry.password.slice(4));
	screen = await run.waitFor(new RegExp(`● ${registry.password.length} characters typed`));
	// No session bus here: no keychain works, so the preview shows the plain entry the keychain
	// step will offer first, never a store the machine read found broken.
	assert.ok(screen.includes(`"${registry.host}"`), 'the preview shows the registry being configured');
	assert.match(screen, /"auth": "•+"/, 'the preview follows the typing: the masked plain entry');
	assert.doesNotMatch(screen, /"regauth"/);
	await run.press(ENTER, ENTER); // → email → leave: the registry checks the login
	screen = await run.waitFor(/Which registry\?/, 15_000);
	assert.match(screen, /Continue with 1 registry/);

	await run.press(ENTER); // Continue → targets
	await run.waitFor(/What should regauth configure\?/);
	await run.press(DOWN, ' ', ENTER); // add Kubernetes
	await run.waitFor(/Where should the password be kept\?/);
	await run.press('p'); // type-ahead: Plain config.json (the set-up entry may follow it)
	await run.waitFor(/❯ Plain config\.json/);
	await run.press(ENTER);
	await run.waitFor(/base64 is not encryption/);
	await run.press(ENTER);
	await run.waitFor(/› Namespaces/);
	await run.typeSlowly('web');
	screen = await run.waitFor(/› Namespaces\s+web/);
	// The other options keep their defaults: one key goes to the review.
	await run.press(CTRL_R);
	screen = await run.waitFor(/Next time, headless/);
	assert.match(screen, /kubernetes\/web\/regcred\.secret\.yaml/);
	assert.match(screen, /\| regauth --registry/);
	assert.match(screen, new RegExp(`${registry.host.replaceAll('.', '\\.')} --username ${registry.username} --password-stdin`));

	// The preview: reveal shows the secret, leaving the preview masks it again.
	// Into the preview (it follows the options, so it may already show a Kubernetes file), on to the Secret.
	await run.press(TAB);
	for (let file = 0; file < 4 && !/‹ \d\/\d+ › Secret regcred/.test(run.screen()); file++) await run.press(RIGHT);
	await run.waitFor(/‹ \d\/\d+ › Secret regcred in web/);
	await run.press('r');
	screen = await run.waitFor(/SECRETS SHOWN/);
	assert.match(screen, /\.dockerconfigjson: eyJ/);
	await run.press(TAB);
	await run.waitFor(/secrets masked/);

	await run.press(ENTER); // Write the files
	screen = await run.waitFor(/Press Enter to finish/, 15_000);
	assert.match(screen, /✓ Docker config\.json/);
	// Run as `node <path>/dist/cli.js`: undo is named the way it was run (not a `regauth` that is not on PATH).
	assert.match(screen, /node \S*dist\/cli\.js undo/);
	await run.press(ENTER);
	const {exitCode} = await run.exit;
	assert.equal(exitCode, 0);

	// The password was only ever on screen when revealed on purpose, never typed out.
	const typedOut = run.history().split('SECRETS SHOWN')[0]!;
	assert.ok(!typedOut.includes(registry.password), 'the password was drawn before it was revealed');

	const config = JSON.parse(readFileSync(join(home, '.docker', 'config.json'), 'utf8'));
	assert.equal(config.auths[registry.host].auth, Buffer.from(`${registry.username}:${registry.password}`).toString('base64'));
	assert.equal(statSync(join(home, '.docker', 'config.json')).mode & 0o777, 0o600);
	const secret = parse(readFileSync(join(dir, 'regauth', 'kubernetes', 'web', 'regcred.secret.yaml'), 'utf8'));
	assert.equal(secret.metadata.namespace, 'web');
});

test('Ctrl+C in the middle exits 130 and writes nothing', async () => {
	const {dir, home, env} = ptyHome();
	const run = runInPty(process.execPath, [CLI], {cwd: dir, env});
	await run.waitFor(/Which registry\?/);
	await run.press(DOWN, ENTER);
	await run.waitFor(/Credentials for quay\.io/);
	await run.typeSlowly('myorg+ci');
	await run.press('\u0003');
	const {exitCode} = await run.exit;
	assert.equal(exitCode, 130);
	// Nothing but the first screen kept for the next start (source/startup/first-frame.ts).
	assert.deepEqual(
		readdirSync(home).filter(name => name !== '.cache'),
		[],
	);
	const cache = join(home, '.cache', 'regauth');
	for (const name of existsSync(cache) ? readdirSync(cache) : []) assert.match(name, /^first-frame-[0-9a-f]+\.ansi$/);
	assert.equal(existsSync(join(dir, 'regauth')), false);
});

test('a narrow terminal stacks the preview under the form, and a resize re-lays it out', async () => {
	const {dir, env} = ptyHome();
	const run = runInPty(process.execPath, [CLI], {cwd: dir, env, columns: 90, rows: 30});
	let screen = await run.waitFor(/Which registry\?/);
	assert.ok(!screen.split('\n').some(line => /(Which registry\?|On this machine).*[│╭]/.test(line)), 'narrow: the preview is not beside the form');
	run.resize(140, 40);
	screen = await run.waitFor(/Which registry\?.*[│╭]/);
	run.kill();
});
