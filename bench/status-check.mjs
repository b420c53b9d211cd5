// `regauth status --check` fans out: every login is checked at once. Ten logins in a docker
// config.json (plain text, as `docker login` writes without a helper): nine real registries
// (Debian's docker-registry, htpasswd auth, each its own process on its own loopback port) and
// one simulated slow registry (a node HTTP server here that waits SLOW_MS before each answer and
// otherwise answers /v2/ as docker-registry does: 401 with a Basic challenge, 200 with the right
// credentials), standing in for a registry far away. Spawn → exit of `status --check` with all
// ten against the same command with each login alone, interleaved run by run; the goal is all
// ten ≤ 1.3× the slowest single check.
import {execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync} from 'node:fs';
import {createServer as createHttpServer} from 'node:http';
import {createServer} from 'node:net';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, runs} from './lib/options.mjs';
import {median, summary} from './lib/stats.mjs';

const REAL = 9;
const SLOW_MS = Number(process.env.BENCH_SLOW_MS || 250);
const USER = 'bench';
const PASSWORD = 'bench-pass';

const freePort = () =>
	new Promise(resolve => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const {port} = server.address();
			server.close(() => resolve(port));
		});
	});

async function waitForPort(port) {
	const {connect} = await import('node:net');
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		const ok = await new Promise(resolve => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (ok) return;
		await new Promise(resolve => setTimeout(resolve, 50));
	}
	throw new Error(`nothing listens on ${port}`);
}

function timed(args, env) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', chunk => (output += chunk));
		child.stderr.on('data', chunk => (output += chunk));
		child.on('error', reject);
		child.on('close', code => (code === 0 ? resolve({ms: performance.now() - started, output}) : reject(new Error(`exit ${code}: ${output}`))));
	});
}

const dir = mkdtempSync(join(tmpdir(), 'regauth-bench-status-'));
const children = [];
let slowServer;
// Interrupted: the registries must not outlive the benchmark.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		for (const child of children) child.kill('SIGTERM');
		rmSync(dir, {recursive: true, force: true});
		process.exit(130);
	});
}
try {
	writeFileSync(join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', USER, PASSWORD], {encoding: 'utf8'}));
	const hosts = [];
	for (let index = 0; index < REAL; index++) {
		const port = await freePort();
		const config = join(dir, `registry-${index}.yml`);
		writeFileSync(
			config,
			`version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, `data-${index}`)}\nhttp:\n  addr: 127.0.0.1:${port}\n  secret: bench\nauth:\n  htpasswd:\n    realm: bench\n    path: ${join(dir, 'htpasswd')}\n`,
		);
		const log = openSync(join(dir, `registry-${index}.log`), 'a');
		children.push(spawn('docker-registry', ['serve', config], {stdio: ['ignore', log, log]}));
		hosts.push(`127.0.0.1:${port}`);
	}
	const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
	slowServer = createHttpServer((request, response) => {
		setTimeout(() => {
			const headers = {'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Type': 'application/json'};
			if (request.url === '/v2/' && request.headers.authorization === expected) response.writeHead(200, headers).end('{}');
			else response.writeHead(401, {...headers, 'WWW-Authenticate': 'Basic realm="bench-slow"'}).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
		}, SLOW_MS);
	});
	const slowPort = await new Promise(resolve => slowServer.listen(0, '127.0.0.1', () => resolve(slowServer.address().port)));
	hosts.push(`127.0.0.1:${slowPort}`);
	for (const host of hosts) await waitForPort(Number(host.split(':')[1]));

	// One HOME with all ten logins, and one per login.
	const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
	const homeWith = (name, logins) => {
		const home = join(dir, name);
		mkdirSync(join(home, '.docker'), {recursive: true});
		mkdirSync(join(home, 'run'), {mode: 0o700});
		writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({auths: Object.fromEntries(logins.map(host => [host, {auth}]))}, null, '\t'), {
			mode: 0o600,
		});
		return {PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', XDG_RUNTIME_DIR: join(home, 'run')};
	};
	const all = homeWith('all', hosts);
	const singles = hosts.map((host, index) => ({host, env: homeWith(`one-${index}`, [host])}));
	const args = [cliPath(), 'status', '--check', '--insecure'];

	const first = await timed(args, all);
	const ok = (first.output.match(/check: ok/g) ?? []).length;
	if (ok !== hosts.length) throw new Error(`status --check found ${ok} of ${hosts.length} logins working:\n${first.output}`);

	const samples = {all: [], singles: singles.map(() => [])};
	const load = [loadavg()[0]];
	for (let run = 0; run < runs(5); run++) {
		samples.all.push((await timed(args, all)).ms);
		for (const [index, single] of singles.entries()) samples.singles[index].push((await timed(args, single.env)).ms);
	}
	load.push(loadavg()[0]);
	const medians = samples.singles.map(median);
	const slowest = Math.max(...medians);
	const slowestIndex = medians.indexOf(slowest);
	console.log(
		`status --check fan-out: ${REAL} docker-registry + 1 simulated slow registry (${SLOW_MS} ms per answer), spawn → exit (${runs(5)} runs each, interleaved; load average ${load.map(value => value.toFixed(1)).join(' → ')})`,
	);
	console.log(`  one login, fastest       ${summary(samples.singles[medians.indexOf(Math.min(...medians))])}`);
	console.log(`  one login, slowest (${slowestIndex === REAL ? 'the slow one' : singles[slowestIndex].host})  ${summary(samples.singles[slowestIndex])}`);
	console.log(`  all ten logins           ${summary(samples.all)}  ${(median(samples.all) / slowest).toFixed(2)}× the slowest single check (goal ≤ 1.3×)`);
} finally {
	for (const child of children) child.kill('SIGTERM');
	slowServer?.close();
	rmSync(dir, {recursive: true, force: true});
}
