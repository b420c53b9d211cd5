// A real HTTP proxy for tests: Debian's tinyproxy, started per test on a free loopback port with
// its own config and log, with or without BasicAuth. Its log names every CONNECT, so a test can
// tell a request went through it.
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdirSync, openSync, readFileSync, writeFileSync} from 'node:fs';
import {connect} from 'node:net';
import {join} from 'node:path';
import {after} from 'node:test';
import {freePort} from './free-port.js';
import {requireProgram} from './programs.js';

export interface Proxy {
	/** http://127.0.0.1:PORT, without credentials. */
	url: string;
	/** http://user:password@127.0.0.1:PORT when BasicAuth is on (else = url). */
	authUrl: string;
	port: number;
	log: string;
	/** The CONNECT and plain requests the proxy received, from its log ("CONNECT host:port HTTP/1.1"…). */
	requests(): string[];
	stop(): Promise<void>;
}

export interface ProxyOptions {
	/** Turn on BasicAuth with this user and password. */
	auth?: {user: string; password: string};
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`tinyproxy exited (${child.exitCode}); see ${log}`);
		const ok = await new Promise<boolean>(resolve => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (ok) return;
		await new Promise(resolve => setTimeout(resolve, 25));
	}
	throw new Error(`tinyproxy did not listen on ${port}; see ${log}`);
}

export async function startProxy(dir: string, options: ProxyOptions = {}): Promise<Proxy> {
	const binary = requireProgram('tinyproxy', 'apt-get install tinyproxy (see .ci/run)');
	mkdirSync(dir, {recursive: true});
	const port = await freePort();
	const log = join(dir, 'tinyproxy.log');
	const config = join(dir, 'tinyproxy.conf');
	// No ConnectPort line: tinyproxy then allows CONNECT to any port (the registries here listen on
	// random ones). LogLevel Connect is enough to see each request line.
	writeFileSync(
		config,
		[
			`Port ${port}`,
			'Listen 127.0.0.1',
			'Timeout 30',
			`LogFile "${log}"`,
			'LogLevel Connect',
			'MaxClients 50',
			'Allow 127.0.0.1',
			'DisableViaHeader Yes',
			...(options.auth ? [`BasicAuth ${options.auth.user} ${options.auth.password}`] : []),
			'',
		].join('\n'),
	);
	const out = openSync(join(dir, 'tinyproxy.out'), 'a');
	// -d: stay in the foreground, so the test owns the process and stops it.
	const child = spawn(binary, ['-d', '-c', config], {stdio: ['ignore', out, out]});
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await new Promise(resolve => child.once('exit', resolve));
		}
	};
	after(stop);
	await waitForPort(port, child, log);
	const url = `http://127.0.0.1:${port}`;
	const authUrl = options.auth ? `http://${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.password)}@127.0.0.1:${port}` : url;
	const requests = () =>
		readFileSync(log, 'utf8')
			.split('\n')
			.flatMap(line => /Request \(file descriptor \d+\): (.*)$/.exec(line)?.[1] ?? []);
	return {url, authUrl, port, log, requests, stop};
}
