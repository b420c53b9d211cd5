// docker-credential-regauth: Docker's credential-helper protocol over regauth's keychain items.
// docker, podman and skopeo run it on every pull, so it loads nothing but the protocol and
// keytar (no ink, react or execa: see test/keychain/helper-bundle.test.ts).
import {fstatSync, readFileSync, writeSync} from 'node:fs';
import packageJson from '../../package.json' with {type: 'json'};
import {decodeStoredCredential, keytarStore, probeWrite} from './keytar-store.js';
import {KEYCHAIN_SERVICE, PROBE_ACTION} from './names.js';
import {type CredentialStore, handleAction} from './protocol.js';
import {secretServiceGet} from './secret-service-get.js';

// Plain reads and writes on fds 0 and 1: docker writes the request and closes the pipe, and
// building process.stdin/stdout streams cost more than the rest of a `get` (bench/helper.mjs).
// A terminal (a person trying the helper) gives no input; fstat, not tty.isatty: node:tty loads
// node:net and node:stream, ~5-10 ms of every `get` (docs/performance.md §3).
function readAll(): string {
	return fstatSync(0).isCharacterDevice() ? '' : readFileSync(0, 'utf8');
}

/**
 * keytar's store, with `get` asked over the session bus first (docs/performance.md §3.1): docker
 * runs `get` on every pull. REGAUTH_HELPER_KEYTAR_ONLY=1 goes through keytar alone.
 */
function helperStore(): CredentialStore {
	const store = keytarStore();
	if (process.env.REGAUTH_HELPER_KEYTAR_ONLY === '1') return store;
	return {
		...store,
		async get(serverURL) {
			const lookup = await secretServiceGet(KEYCHAIN_SERVICE, serverURL);
			return lookup === undefined ? store.get(serverURL) : decodeStoredCredential(lookup.found);
		},
	};
}

function writeOut(text: string) {
	const bytes = Buffer.from(text);
	for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at);
}

async function main(args: string[]): Promise<number> {
	if (args.length === 1 && args[0] === PROBE_ACTION) {
		try {
			await probeWrite();
			writeOut('ok\n');
			return 0;
		} catch (error) {
			writeOut(`${(error as Error).message}\n`);
			return 1;
		}
	}
	const needsInput = args.length === 1 && ['store', 'get', 'erase'].includes(args[0]!);
	const output = await handleAction(args, needsInput ? readAll() : '', helperStore(), packageJson.version);
	writeOut(output.stdout);
	return output.code;
}

// Everything is written (synchronously) by now: exit at once. Letting node wind down by itself
// (closing the bus socket's handle, tearing down the environment) cost ~0.4× `node -e 0` more
// per `get` (docs/performance.md §3).
main(process.argv.slice(2)).then(
	code => process.exit(code),
	(error: unknown) => {
		writeOut(`${(error as Error)?.message ?? String(error)}\n`);
		process.exit(1);
	},
);
