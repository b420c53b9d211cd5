// docker-credential-regauth: Docker's credential-helper protocol over regauth's keychain items.
// docker, podman and skopeo run it on every pull, so it loads nothing but the protocol and
// keytar (no ink, react or execa: see test/keychain/helper-bundle.test.ts).
import {readFileSync, writeSync} from 'node:fs';
import {isatty} from 'node:tty';
import packageJson from '../../package.json' with {type: 'json'};
import {keytarStore, probeWrite} from './keytar-store.js';
import {PROBE_ACTION} from './names.js';
import {handleAction} from './protocol.js';

// Plain reads and writes on fds 0 and 1: docker writes the request and closes the pipe, and
// building process.stdin/stdout streams cost more than the rest of a `get` (bench/helper.mjs).
function readAll(): string {
	return isatty(0) ? '' : readFileSync(0, 'utf8');
}

async function main(args: string[]): Promise<number> {
	if (args.length === 1 && args[0] === PROBE_ACTION) {
		try {
			await probeWrite();
			process.stdout.write('ok\n');
			return 0;
		} catch (error) {
			process.stdout.write(`${(error as Error).message}\n`);
			return 1;
		}
	}
	const needsInput = args.length === 1 && ['store', 'get', 'erase'].includes(args[0]!);
	const output = await handleAction(args, needsInput ? readAll() : '', keytarStore(), packageJson.version);
	writeSync(1, output.stdout);
	return output.code;
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stdout.write(`${(error as Error)?.message ?? String(error)}\n`);
		process.exitCode = 1;
	},
);
