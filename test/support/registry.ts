// A real registry (Debian's docker-registry, distribution 2.8) on a free loopback port, with
// htpasswd auth. See docs/real-parts.md §4.
import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after} from 'node:test';
import {freePort} from './free-port.js';
import {requireProgram} from './programs.js';

export interface Registry {
	host: string;
	/** https://host or http://host, as the registry serves. */
	url: string;
	port: number;
	username: string;
	password: string;
	log: string;
	stop(): Promise<void>;
}

export interface RegistryOptions {
	username?: string;
	password?: string;
	/** Extra YAML merged into the `http:` section (e.g. tls). */
	httpExtra?: string;
	/** Replaces the htpasswd auth section (e.g. token auth; '' for a registry without auth). */
	authYaml?: string;
	/** Serve HTTPS with this certificate and key (see tls.ts). */
	tls?: {cert: string; key: string};
	/** Listen on this local IP (default 127.0.0.1) and name the registry by `hostname` instead. */
	address?: string;
	hostname?: string;
}

async function waitForPort(port: number, child: ChildProcess, logFile: string, address = '127.0.0.1'): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`docker-registry exited (${child.exitCode}); see ${logFile}`);
		const ok = await new Promise<boolean>(resolve => {
			import('node:net').then(({connect}) => {
				const socket = connect(port, address);
				socket.once('connect', () => {
					socket.destroy();
					resolve(true);
				});
				socket.once('error', () => resolve(false));
			});
		});
		if (ok) return;
		await new Promise(resolve => setTimeout(resolve, 25));
	}
	throw new Error(`docker-registry did not listen on ${port}; see ${logFile}`);
}

export async function startRegistry(dir: string, options: RegistryOptions = {}): Promise<Registry> {
	const binary = requireProgram('docker-registry', 'apt-get install docker-registry (see .ci/run)');
	requireProgram('htpasswd', 'apt-get install apache2-utils (see .ci/run)');
	const username = options.username ?? 'ciuser';
	const password = options.password ?? 'cipass-S3cret!';
	mkdirSync(dir, {recursive: true});
	const port = await freePort();
	const address = options.address ?? '127.0.0.1';
	const htpasswd = join(dir, 'htpasswd');
	writeFileSync(htpasswd, execFileSync('htpasswd', ['-Bbn', username, password], {encoding: 'utf8'}));
	const config = join(dir, 'registry.yml');
	const tlsYaml = options.tls ? `  tls:\n    certificate: ${options.tls.cert}\n    key: ${options.tls.key}\n` : '';
	const auth = options.authYaml ?? `auth:\n  htpasswd:\n    realm: regauth-test\n    path: ${htpasswd}\n`;
	writeFileSync(
		config,
		`version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${address.includes(':') ? `[${address}]` : address}:${port}\n  secret: not-a-secret\n${tlsYaml}${options.httpExtra ?? ''}${auth}`,
	);
	const log = join(dir, 'registry.log');
	const {openSync} = await import('node:fs');
	const out = openSync(log, 'a');
	const child = spawn(binary, ['serve', config], {stdio: ['ignore', out, out]});
	const stop = async () => {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			await new Promise(resolve => child.once('exit', resolve));
		}
	};
	after(stop);
	await waitForPort(port, child, log, address);
	const host = `${options.hostname ?? address}:${port}`;
	return {host, url: `${options.tls ? 'https' : 'http'}://${host}`, port, username, password, log, stop};
}
