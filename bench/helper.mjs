// Credential-helper latency: `docker-credential-regauth get` (what docker runs on every pull)
// against `docker-credential-secretservice get`, both reading the same kind of item from a real
// keyring (gnome-keyring in a private D-Bus session), and `node -e 0` spawned the same way.
// Spawn → exit, stdin/stdout pipes as docker uses them, in a clean environment (PATH, LANG and the
// keyring's variables: no NODE_*). Goal: regauth ≤ 1.5× node -e 0. Also regauth's `get` through
// keytar alone (REGAUTH_HELPER_KEYTAR_ONLY=1: libsecret's lookup, the way before the helper asked
// the bus itself) and a `get` of a server with no item (docker asks for every registry it pulls).
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {startKeyring} from './lib/keyring.mjs';
import {helperPath, runs} from './lib/options.mjs';
import {median, summary} from './lib/stats.mjs';

function timed(file, args, env, input) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(file, args, {env, stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({ms: performance.now() - started, code, stdout, stderr}));
		child.stdin.end(input);
	});
}

async function expectOk(result, what) {
	const done = await result;
	if (done.code !== 0) throw new Error(`${what} failed (${done.code}): ${done.stdout}${done.stderr}`);
	return done;
}

const dir = mkdtempSync(join(tmpdir(), 'regauth-bench-keyring-'));
const keyring = startKeyring(dir);
try {
	const env = keyring.env;
	const server = 'registry.bench.test:5000';
	const item = JSON.stringify({ServerURL: server, Username: 'bench', Secret: 'bench-token-0123456789'});
	const regauth = [process.execPath, [helperPath(), 'get']];
	await expectOk(timed(process.execPath, [helperPath(), 'store'], env, item), 'docker-credential-regauth store');
	await expectOk(timed('docker-credential-secretservice', ['store'], env, item), 'docker-credential-secretservice store');
	const got = await expectOk(timed(...regauth, env, server), 'docker-credential-regauth get');
	if (!got.stdout.includes('bench-token-0123456789')) throw new Error(`docker-credential-regauth get returned ${got.stdout}`);

	const keytarOnly = {...env, REGAUTH_HELPER_KEYTAR_ONLY: '1'};
	const samples = {node: [], regauth: [], keytar: [], missing: [], secretservice: []};
	for (let index = 0; index < runs(); index++) {
		samples.node.push((await timed(process.execPath, ['-e', '0'], env, '')).ms);
		samples.regauth.push((await expectOk(timed(...regauth, env, server), 'regauth get')).ms);
		samples.keytar.push((await expectOk(timed(...regauth, keytarOnly, server), 'regauth get (keytar only)')).ms);
		samples.missing.push((await timed(...regauth, env, 'missing.bench.test')).ms);
		samples.secretservice.push((await expectOk(timed('docker-credential-secretservice', ['get'], env, server), 'secretservice get')).ms);
	}
	const node = median(samples.node);
	const load = loadavg()[0].toFixed(1);
	console.log(`credential helper latency: get of one stored item, spawn → exit (${runs()} runs each, interleaved; load average ${load})`);
	console.log(`  node -e 0                            ${summary(samples.node)}`);
	console.log(`  docker-credential-secretservice get  ${summary(samples.secretservice)}  ${(median(samples.secretservice) / node).toFixed(2)}× node`);
	console.log(
		`  docker-credential-regauth get        ${summary(samples.regauth)}  ${(median(samples.regauth) / node).toFixed(2)}× node, ${(median(samples.regauth) / median(samples.secretservice)).toFixed(2)}× secretservice  (goal ≤ 1.5× node)`,
	);
	console.log(`    … of a server with no item         ${summary(samples.missing)}  ${(median(samples.missing) / node).toFixed(2)}× node`);
	console.log(`    … through keytar alone             ${summary(samples.keytar)}  ${(median(samples.keytar) / node).toFixed(2)}× node`);
} finally {
	keyring.stop();
	rmSync(dir, {recursive: true, force: true});
}
