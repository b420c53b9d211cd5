// docker-credential-regauth: Docker's credential-helper protocol over regauth's keychain items.
// docker, podman and skopeo run it on every pull, so it loads nothing but the protocol and
// keytar (no ink, react or execa: see test/keychain/helper-bundle.test.ts).
import packageJson from '../../package.json' with {type: 'json'};
import {probeWrite, keytarStore} from './keytar-store.js';
import {PROBE_ACTION} from './names.js';
import {handleAction} from './protocol.js';

async function readAll(): Promise<string> {
	if (process.stdin.isTTY) return '';
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
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
	const output = await handleAction(args, needsInput ? await readAll() : '', keytarStore(), packageJson.version);
	process.stdout.write(output.stdout);
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
