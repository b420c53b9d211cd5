// A host name that reaches this machine but that Go's proxy rules (and regauth's) do not bypass:
// only "localhost" and loopback IPs are exempt (docs/networks.md §1.1), so a proxy test needs a
// real name. The machine's own host name is one on every Debian: the installer maps it to
// 127.0.1.1 in /etc/hosts, a container runtime to the container's own address, this test VM to
// 127.0.0.1. Any name from /etc/hosts that points at a local address does as well.

import {lookup} from 'node:dns/promises';
import {readFileSync} from 'node:fs';
import {hostname, networkInterfaces} from 'node:os';

export interface LocalName {
	name: string;
	/** The local address it resolves to, where the test's server must listen. */
	address: string;
}

function localAddresses(): Set<string> {
	return new Set(
		Object.values(networkInterfaces())
			.flat()
			.flatMap(entry => (entry && entry.family === 'IPv4' ? [entry.address] : [])),
	);
}

export async function localName(): Promise<LocalName> {
	let hostsNames: string[] = [];
	try {
		hostsNames = readFileSync('/etc/hosts', 'utf8')
			.split('\n')
			.flatMap(line => line.replace(/#.*/, '').trim().split(/\s+/).slice(1));
	} catch {
		// no /etc/hosts: the host name alone
	}
	const local = localAddresses();
	const isLoopback = (address: string) => address.startsWith('127.');
	for (const name of [hostname(), ...hostsNames]) {
		if (!name || name === 'localhost' || name.includes(':')) continue;
		const addresses = await lookup(name, {all: true, family: 4}).catch(() => []);
		// 127.0.0.0/8 is all local on Linux even when only 127.0.0.1 is listed on lo.
		const found = addresses.find(entry => isLoopback(entry.address) || local.has(entry.address));
		if (found) return {name: name.toLowerCase(), address: found.address};
	}
	throw new Error(
		`no host name resolves to this machine besides "localhost" (tried ${hostname()} and /etc/hosts); the proxy tests need one (e.g. "127.0.1.1 ${hostname()}" in /etc/hosts)`,
	);
}
