// What `regauth exec` adds to a command: spawn → exit of `regauth exec … -- true` against
// `node -e 0` spawned the same way, without verification (--no-verify: the private directory,
// plan, files, child, removal) and with it (one round trip to a real docker-registry on
// loopback, htpasswd auth). The command itself (`true`) costs next to nothing.
import {execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, runs} from './lib/options.mjs';
import {summary} from './lib/stats.mjs';

function timed(args, env, input) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, {env, stdio: ['pipe', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`exit ${code}: ${stderr}`))));
		child.stdin.end(input);
	});
}

const freePort = () =>
	new Promise(resolve => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const {port} = server.address();
			server.close(() => resolve(port));
		});
	});

const dir = mkdtempSync(join(tmpdir(), 'regauth-bench-exec-'));
const home = join(dir, 'home');
const runtime = join(dir, 'run');
mkdirSync(home);
mkdirSync(runtime, {mode: 0o700});
const port = await freePort();
writeFileSync(join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', 'bench', 'bench-pass'], {encoding: 'utf8'}));
writeFileSync(
	join(dir, 'registry.yml'),
	`version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: 127.0.0.1:${port}\n  secret: bench\nauth:\n  htpasswd:\n    realm: bench\n    path: ${join(dir, 'htpasswd')}\n`,
);
const log = openSync(join(dir, 'registry.log'), 'a');
const registry = spawn('docker-registry', ['serve', join(dir, 'registry.yml')], {stdio: ['ignore', log, log]});
try {
	await new Promise(resolve => setTimeout(resolve, 500));
	const env = {PATH: process.env.PATH, HOME: home, XDG_RUNTIME_DIR: runtime, LANG: 'C.UTF-8'};
	const login = ['exec', '-r', `127.0.0.1:${port}`, '-u', 'bench', '--password-stdin'];
	const cases = [
		['node -e 0', ['-e', '0']],
		['regauth exec --no-verify -- true', [cliPath(), ...login, '--no-verify', '--', 'true']],
		['regauth exec -- true (verified)', [cliPath(), ...login, '--', 'true']],
	];
	console.log(`regauth exec overhead · ${runs()} runs each, spawn to exit`);
	for (const [name, args] of cases) {
		await timed(args, env, 'bench-pass'); // warm the page cache
		const samples = [];
		for (let run = 0; run < runs(); run++) samples.push(await timed(args, env, 'bench-pass'));
		console.log(`  ${name.padEnd(36)} ${summary(samples, 'ms')}`);
	}
} finally {
	registry.kill('SIGTERM');
	rmSync(dir, {recursive: true, force: true});
}
